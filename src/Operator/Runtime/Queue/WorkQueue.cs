namespace DataPlatform.Operator.Runtime.Queue;

/// <summary>
/// A deduplicating work queue with client-go's semantics: a key is in the queue at most once (the dirty set); a key
/// being processed is never handed out again, and adds while it is processed collapse into exactly one more run
/// after <see cref="Done"/>; delayed adds keep the earliest due time; rate-limited adds wait as the limiter says.
/// All time comes from the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, DateTimeOffset> _waiting = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly TimeProvider _time;
    private readonly IRateLimiter<TKey> _limiter;
    private readonly ITimer _timer;
    private readonly IWorkQueueObserver _observer;
    private bool _shutdown;

    public WorkQueue(TimeProvider time, IRateLimiter<TKey> limiter, IWorkQueueObserver? observer = null)
    {
        _time = time;
        _limiter = limiter;
        _observer = observer ?? Abstractions.NullControllerObserver.Instance;
        _timer = time.CreateTimer(_ => Promote(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Keys ready to be handed out.</summary>
    public int Length
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public int Failures(TKey key) => _limiter.Failures(key);

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_shutdown || !_dirty.Add(key))
            {
                return;
            }

            _observer.Added(key);
            _waiting.Remove(key);
            if (_processing.Contains(key))
            {
                return;
            }

            _queue.Enqueue(key);
        }

        _available.Release();
    }

    /// <summary>Adds the key after the delay; a key already waiting keeps whichever due time is earlier.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (!Volatile.Read(ref _shutdown))
        {
            _observer.Retried(key);
        }

        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shutdown || _dirty.Contains(key))
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var existing) && existing <= due)
            {
                return;
            }

            _waiting[key] = due;
            Reschedule();
        }
    }

    public void AddRateLimited(TKey key) => AddAfter(key, _limiter.When(key));

    public void Forget(TKey key) => _limiter.Forget(key);

    /// <summary>Waits for the next key; <c>ShutDown</c> is true (and the key meaningless) once the queue is shut down.</summary>
    public async Task<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (_queue.TryDequeue(out var key))
                {
                    _dirty.Remove(key);
                    _processing.Add(key);
                    _observer.Taken(key);
                    return (key, false);
                }

                if (_shutdown)
                {
                    _available.Release();
                    return (default!, true);
                }
            }
        }
    }

    public void Done(TKey key)
    {
        var requeued = false;
        _observer.Done(key);
        lock (_gate)
        {
            _processing.Remove(key);
            if (_dirty.Contains(key) && !_shutdown)
            {
                _queue.Enqueue(key);
                requeued = true;
            }
        }

        if (requeued)
        {
            _available.Release();
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            _shutdown = true;
            _waiting.Clear();
        }

        _available.Release();
    }

    public void Dispose()
    {
        _timer.Dispose();
        _available.Dispose();
    }

    private void Promote()
    {
        List<TKey> due;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            due = _waiting.Where(w => w.Value <= now).Select(w => w.Key).ToList();
            foreach (var key in due)
            {
                _waiting.Remove(key);
            }

            Reschedule();
        }

        foreach (var key in due)
        {
            Add(key);
        }
    }

    private void Reschedule()
    {
        if (_waiting.Count == 0)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var next = _waiting.Values.Min() - _time.GetUtcNow();
        _timer.Change(next < TimeSpan.Zero ? TimeSpan.Zero : next, Timeout.InfiniteTimeSpan);
    }
}
