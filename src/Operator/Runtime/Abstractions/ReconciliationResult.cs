using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>
/// What a reconcile asks of the runtime: success (optionally look again after a delay, which also resets the
/// failure backoff) or failure (retried with the per-item backoff unless a delay is given).
/// </summary>
#pragma warning disable CA1000 // KubeOps' shape: ReconciliationResult<T>.Success(...) and .Failure(...).
public sealed record ReconciliationResult<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    private ReconciliationResult(TEntity entity, bool isSuccess, string? errorMessage, TimeSpan? requeueAfter)
    {
        Entity = entity;
        IsSuccess = isSuccess;
        ErrorMessage = errorMessage;
        RequeueAfter = requeueAfter;
    }

    public TEntity Entity { get; }

    public bool IsSuccess { get; }

    public string? ErrorMessage { get; }

    public TimeSpan? RequeueAfter { get; }

    public static ReconciliationResult<TEntity> Success(TEntity entity, TimeSpan? requeueAfter = null) => new(entity, true, null, requeueAfter);

    public static ReconciliationResult<TEntity> Failure(TEntity entity, string errorMessage, TimeSpan? requeueAfter = null) => new(entity, false, errorMessage, requeueAfter);
}
#pragma warning restore CA1000
