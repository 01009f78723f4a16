using System.Collections.Concurrent;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Operator.Runtime.Queue;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Watch;

/// <summary>
/// List-then-watch with a local cache (client-go's reflector and store): lists, then watches from the list's
/// resourceVersion, follows bookmarks, re-watches when a stream ends, relists on 410 Gone, and on any other
/// error (a failed list, an ERROR event such as 504 "Too large resource version" or 500, a 429) logs, backs off
/// exponentially and relists; it never stops before its token fires. Should its loop end otherwise, it reports
/// to <see cref="InformerHealth"/> so /healthz fails. Every change calls <see cref="Changed"/> with the key.
/// The cache keeps objects without <c>metadata.managedFields</c> (as controller-runtime's
/// <c>TransformStripManagedFields</c>): nothing here reads them, on a real cluster they are often larger than the
/// spec, and a write of a cached object without them leaves the server's untouched.
/// </summary>
internal sealed partial class Informer<TEntity>(IKubernetesClient client, string? ns, TimeProvider time, ILogger logger, InformerHealth? health = null)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<EntityKey, TEntity> _cache = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event Action<EntityKey>? Changed;

    public Task Synced => _synced.Task;

    public IEnumerable<EntityKey> Keys => _cache.Keys;

    /// <summary>The cached objects as the API server last confirmed them (or the controller last wrote them).</summary>
    public IEnumerable<TEntity> Values => _cache.Values;

    public int Count => _cache.Count;

    public int Relists { get; private set; }

    public TEntity? Get(EntityKey key) => _cache.GetValueOrDefault(key);

    /// <summary>Errors other than an expired watch since start, each followed by a backoff and a relist.</summary>
    public int Failures { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoopAsync(cancellationToken);
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                health?.Died(typeof(TEntity).Name, "its loop ended");
            }
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var backoff = MinBackoff;
        string? version = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                version ??= await ListAsync(cancellationToken);
                await foreach (var (type, entity) in client.WatchAsync<TEntity>(ns, version, cancellationToken))
                {
                    version = entity.Metadata?.ResourceVersion ?? version;
                    if (type != WatchEventType.Bookmark)
                    {
                        Apply(type, entity);
                    }

                    backoff = MinBackoff;
                }
            }
            catch (WatchExpiredException e)
            {
                Log.Relisting(logger, typeof(TEntity).Name, e.Message);
                version = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // client-go's reflector: any list or watch error is logged, backed off and followed by a new
                // list-and-watch. A stream that broke in transit resumes from the last version; an error the server
                // sent (a Status) relists, as its version may be unusable.
                Failures++;
                Log.WatchFailed(logger, typeof(TEntity).Name, backoff, e.GetType().Name, e.Message);
                if (e is not (HttpRequestException or IOException))
                {
                    version = null;
                }

                try
                {
                    await Task.Delay(backoff, time, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var (items, version) = await client.ListAsync<TEntity>(ns, null, cancellationToken);
        Relists++;
        var listed = items.Select(Trim).ToDictionary(Key);
        foreach (var gone in _cache.Keys.Where(k => !listed.ContainsKey(k)).ToList())
        {
            _cache.TryRemove(gone, out _);
            Changed?.Invoke(gone);
        }

        foreach (var (key, item) in listed)
        {
            if (!_cache.TryGetValue(key, out var cached) || cached.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
            {
                _cache[key] = item;
                Changed?.Invoke(key);
            }
        }

        _synced.TrySetResult();
        return version;
    }

    /// <summary>
    /// Write-through: the controller offers what it just wrote, so the next reconcile of the key does not read the
    /// state from before its own write while the watch event is still on its way. Never moves an entry back, and never
    /// takes an object its write deleted (deletionTimestamp set, no finalizer left: the API server removed it, and its
    /// Deleted event may already have been applied, so adding it would leave a ghost in the cache).
    /// </summary>
    public void Offer(TEntity entity)
    {
        if ((ns is not null && entity.Metadata.NamespaceProperty != ns)
            || (entity.Metadata.DeletionTimestamp is not null && entity.Metadata.Finalizers is not { Count: > 0 }))
        {
            return;
        }

        Trim(entity);
        var key = Key(entity);
        _cache.AddOrUpdate(key, entity, (_, cached) => IsOlder(cached, entity) ? entity : cached);
    }

    private void Apply(WatchEventType type, TEntity entity)
    {
        Trim(entity);
        var key = Key(entity);
        if (type == WatchEventType.Deleted)
        {
            _cache.TryRemove(key, out _);
        }
        else if (_cache.TryGetValue(key, out var cached) && IsOlder(entity, cached))
        {
            // An event older than what a write-through already put here; the newer state stays.
            return;
        }
        else
        {
            _cache[key] = entity;
        }

        Changed?.Invoke(key);
    }

    /// <summary>Drops what the cache never needs (managed fields); returns the same object.</summary>
    private static TEntity Trim(TEntity entity)
    {
        entity.Metadata.ManagedFields = null;
        return entity;
    }

    /// <summary>Whether a is older than b by resourceVersion; versions that are not integers are never ordered.</summary>
    private static bool IsOlder(TEntity a, TEntity b) =>
        long.TryParse(a.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture, out var x)
        && long.TryParse(b.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture, out var y)
        && x < y;

    private static EntityKey Key(TEntity entity) => new(entity.Metadata.NamespaceProperty ?? "", entity.Metadata.Name);

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Relisting {Kind}: {Reason}")]
        public static partial void Relisting(ILogger logger, string kind, string reason);

        [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Listing or watching {Kind} failed; relisting in {Backoff}: {Error}: {Reason}")]
        public static partial void WatchFailed(ILogger logger, string kind, TimeSpan backoff, string error, string reason);
    }
}
