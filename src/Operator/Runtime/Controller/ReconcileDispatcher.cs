using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>
/// Dispatches one object to its controller or finalizer (the queue's bookkeeping is the runner's): an object being
/// deleted goes to the finalizer while our finalizer is on it, and the finalizer is removed once it succeeds; any
/// other object gets our finalizer first, then a reconcile. Removing the finalizer is a commit step: once the
/// cleanup is done it runs to completion on its own deadline, not the worker's token, so a shutdown cannot leave a
/// finished deletion holding its finalizer.
/// </summary>
internal sealed class ReconcileDispatcher<TEntity>(
    IKubernetesClient client,
    IServiceScopeFactory scopes,
    ControllerRegistration<TEntity> registration,
    TimeProvider time)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>How long the finalizer-removal commit may take, whatever happens to the worker.</summary>
    public static readonly TimeSpan CommitTimeout = TimeSpan.FromSeconds(30);

    private const int CommitAttempts = 5;

    /// <summary>Dispatches <paramref name="entity"/> (a copy the caller may lose); <paramref name="offer"/> gets every version written.</summary>
    public async Task<DispatchOutcome> DispatchAsync(TEntity entity, Action<TEntity> offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(offer);
        await using var scope = scopes.CreateAsyncScope();
        var finalizerName = registration.FinalizerName;
        var finalizers = entity.Metadata.Finalizers ?? [];
        ReconciliationResult<TEntity> result;
        if (entity.Metadata.DeletionTimestamp is not null)
        {
            if (finalizerName is null || !finalizers.Contains(finalizerName))
            {
                return new DispatchOutcome(DispatchResult.Deleting);
            }

            var finalizer = (IEntityFinalizer<TEntity>)scope.ServiceProvider.GetRequiredService(registration.FinalizerType!);
            result = await finalizer.FinalizeAsync(entity, cancellationToken);
            if (result.IsSuccess)
            {
                if (await RemoveFinalizerAsync(result.Entity, finalizerName) is { } written)
                {
                    offer(written);
                }

                return new DispatchOutcome(DispatchResult.Finalized);
            }
        }
        else
        {
            if (finalizerName is not null && !finalizers.Contains(finalizerName))
            {
                entity.Metadata.Finalizers = [.. finalizers, finalizerName];
                entity = await client.UpdateAsync(entity, cancellationToken);
                offer(entity);
            }

            var controller = (IEntityController<TEntity>)scope.ServiceProvider.GetRequiredService(registration.ControllerType);
            result = await controller.ReconcileAsync(entity, cancellationToken);
        }

        offer(result.Entity);
        if (!result.IsSuccess)
        {
            return new DispatchOutcome(DispatchResult.Failure, result.RequeueAfter, result.ErrorMessage);
        }

        return result.RequeueAfter is { } after ? new DispatchOutcome(DispatchResult.Requeue, after) : new DispatchOutcome(DispatchResult.Success);
    }

    /// <summary>Removes our finalizer from the latest version, re-reading on conflicts; null when the object is already gone.</summary>
    private async Task<TEntity?> RemoveFinalizerAsync(TEntity latest, string finalizerName)
    {
        using var commit = new CancellationTokenSource(CommitTimeout, time);
        var current = latest;
        for (var attempt = 1; ; attempt++)
        {
            current.Metadata.Finalizers = (current.Metadata.Finalizers ?? []).Where(f => f != finalizerName).ToList();
            try
            {
                return await client.UpdateAsync(current, commit.Token);
            }
            catch (ConflictException) when (attempt < CommitAttempts)
            {
                var fresh = await client.GetAsync<TEntity>(latest.Metadata.Name, latest.Metadata.NamespaceProperty, commit.Token);
                if (fresh is null || fresh.Metadata.Finalizers?.Contains(finalizerName) != true)
                {
                    return fresh;
                }

                current = fresh;
            }
        }
    }
}
