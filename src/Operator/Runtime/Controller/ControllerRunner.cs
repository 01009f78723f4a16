using System.Diagnostics;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Operator.Runtime.Queue;
using DataPlatform.Operator.Runtime.Watch;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>
/// Runs one controller with controller-runtime's semantics: informers feed keys into the work queue; N workers
/// take keys, never one key in two workers; each key is dispatched (<see cref="ReconcileDispatcher{TEntity}"/>)
/// inside a logging scope naming the object, and the outcome is booked on the queue: RequeueAfter resets the
/// backoff, failures and exceptions go to the rate limiter; a resync re-enqueues every cached key from the cache; a
/// change also queues the keys that wait on it (<see cref="IEntityDependents{TEntity}"/>);
/// shutdown stops taking work and waits for reconciles in flight.
/// </summary>
internal sealed partial class ControllerRunner<TEntity>(
    IKubernetesClient client,
    ReconcileDispatcher<TEntity> dispatcher,
    OperatorOptions options,
    IControllerObserver observer,
    TimeProvider time,
    ILogger<ControllerRunner<TEntity>> logger,
    InformerHealth? health = null,
    IEntityDependents<TEntity>? dependents = null)
    : IControllerRunner, IEntityCache<TEntity>, IEntityResync<TEntity>, IDisposable
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The controller's name in metrics, as controller-runtime names it: the lower-cased kind.</summary>
    public static readonly string Name = (System.Reflection.CustomAttributeExtensions.GetCustomAttribute<KubernetesEntityAttribute>(typeof(TEntity))?.Kind ?? typeof(TEntity).Name).ToLowerInvariant();

    private readonly WorkQueue<EntityKey> _queue = new(time, RateLimiters.Default<EntityKey>(time), observer.Queue(Name));
    private List<Informer<TEntity>> _informers = [];

    public int QueueLength => _queue.Length;

    public bool Synced => _informers is { Count: > 0 } informers && informers.TrueForAll(i => i.Synced.IsCompletedSuccessfully);

    /// <summary>What the informers hold now: every object this instance watches, empty while it does not lead.</summary>
    public IReadOnlyList<TEntity> Cached() => [.. _informers.SelectMany(i => i.Values)];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var namespaces = options.WatchNamespaces.Count == 0 ? [null] : options.WatchNamespaces.Select(n => (string?)n).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var informers = namespaces.Select(ns => new Informer<TEntity>(client, ns, time, logger, health)).ToList();
        foreach (var informer in informers)
        {
            informer.Changed += key =>
            {
                _queue.Add(key);
                foreach (var dependent in dependents?.DependentsOf(key) ?? [])
                {
                    _queue.Add(dependent);
                }
            };
        }

        // Published whole, so readers on other threads (a metrics scrape) see none or all of them.
        _informers = informers;
        var informerTasks = informers.Select(i => i.RunAsync(stop.Token)).ToList();

        await Task.WhenAll(_informers.Select(i => i.Synced)).WaitAsync(cancellationToken);
        var count = _informers.Sum(i => i.Count);
        Log.Started(logger, typeof(TEntity).Name, options.MaxConcurrentReconciles, count);
        using var resync = time.CreateTimer(_ => Resync(), null, options.ResyncPeriod, options.ResyncPeriod);
        observer.WorkersStarted(Name, options.MaxConcurrentReconciles);
        var workers = Enumerable.Range(0, options.MaxConcurrentReconciles).Select(_ => WorkAsync(stop.Token)).ToList();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        _queue.ShutDown();
        await Task.WhenAny(Task.WhenAll(workers), Task.Delay(options.ShutdownTimeout, time, CancellationToken.None));
        await stop.CancelAsync();
        await Task.WhenAll(informerTasks.Concat(workers).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    public void Dispose() => _queue.Dispose();

    private void Offer(TEntity written)
    {
        foreach (var informer in _informers)
        {
            informer.Offer(written);
        }
    }

    /// <summary>Queues every cached object for one more reconcile (something they depend on, such as a policy, changed).</summary>
    public void ResyncAll() => Resync();

    private void Resync()
    {
        foreach (var key in _informers.SelectMany(i => i.Keys))
        {
            _queue.Add(key);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            EntityKey key;
            try
            {
                (key, var shutDown) = await _queue.GetAsync(cancellationToken);
                if (shutDown)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            observer.ReconcileStarted(Name);
            var started = Stopwatch.GetTimestamp();
            var result = ReconcileResult.Error;
            try
            {
                result = await ProcessAsync(key, cancellationToken);
            }
            catch (ConflictException e)
            {
                Log.Conflict(logger, key, e.Message);
                _queue.AddRateLimited(key);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.ReconcileFailed(logger, key, e);
                _queue.AddRateLimited(key);
            }
            finally
            {
                _queue.Done(key);
                observer.ReconcileFinished(Name, result, Stopwatch.GetElapsedTime(started));
            }
        }
    }

    /// <summary>Dispatches the cached object in its logging scope, then books the outcome on the queue.</summary>
    private async Task<ReconcileResult> ProcessAsync(EntityKey key, CancellationToken cancellationToken)
    {
        var cached = _informers.Select(i => i.Get(key)).FirstOrDefault(e => e is not null);
        DispatchOutcome outcome;
        if (cached is null)
        {
            outcome = new DispatchOutcome(DispatchResult.Gone);
        }
        else
        {
            // The controller changes what it is given; the cache keeps only what the API server confirmed.
            var entity = KubernetesJson.Deserialize<TEntity>(KubernetesJson.Serialize(cached));
            using var scope = logger.BeginScope(new ReconcileScope(entity));
            outcome = await dispatcher.DispatchAsync(entity, Offer, cancellationToken);
            if (outcome.Result == DispatchResult.Failure)
            {
                Log.ReconcileFailure(logger, key, outcome.Reason);
            }
        }

        Book(key, outcome);
        return outcome.Result switch
        {
            DispatchResult.Failure => ReconcileResult.Error,
            DispatchResult.Requeue => ReconcileResult.RequeueAfter,
            _ => ReconcileResult.Success,
        };
    }

    /// <summary>controller-runtime's queue rules for an outcome.</summary>
    private void Book(EntityKey key, DispatchOutcome outcome)
    {
        switch (outcome.Result)
        {
            case DispatchResult.Failure when outcome.RequeueAfter is { } delay:
                _queue.AddAfter(key, delay);
                break;
            case DispatchResult.Failure:
                _queue.AddRateLimited(key);
                break;
            case DispatchResult.Requeue:
                _queue.Forget(key);
                _queue.AddAfter(key, outcome.RequeueAfter!.Value);
                break;
            case DispatchResult.Deleting:
                break;
            default:
                _queue.Forget(key);
                break;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Controller for {Kind} started with {Workers} workers and {Count} cached objects")]
        public static partial void Started(ILogger logger, string kind, int workers, int count);

        [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "Conflict while reconciling {Key}; retrying: {Reason}")]
        public static partial void Conflict(ILogger logger, EntityKey key, string reason);

        [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Reconcile of {Key} threw")]
        public static partial void ReconcileFailed(ILogger logger, EntityKey key, Exception exception);

        [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Reconcile of {Key} failed: {Reason}")]
        public static partial void ReconcileFailure(ILogger logger, EntityKey key, string? reason);
    }
}
