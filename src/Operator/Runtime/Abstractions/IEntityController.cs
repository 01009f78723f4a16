using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>
/// A controller for one kind (KubeOps' shape). Reconcile is level-triggered: it gets the current object and must
/// bring the world to its spec; everything it must remember lives in the object's status.
/// </summary>
public interface IEntityController<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    Task<ReconciliationResult<TEntity>> ReconcileAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>Called once the object is gone from the API server (after every finalizer ran).</summary>
    Task<ReconciliationResult<TEntity>> DeletedAsync(TEntity entity, CancellationToken cancellationToken);
}
