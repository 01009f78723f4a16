using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>
/// A controller for one kind (KubeOps' shape). Reconcile is level-triggered: it gets the current object and must
/// bring the world to its spec; everything it must remember lives in the object's status. There is no
/// DeletedAsync: cleanup that must happen before an object goes is a finalizer's, and owned objects go with their
/// owner through garbage collection, so nothing is left to do once the object is gone.
/// </summary>
public interface IEntityController<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    Task<ReconciliationResult<TEntity>> ReconcileAsync(TEntity entity, CancellationToken cancellationToken);
}
