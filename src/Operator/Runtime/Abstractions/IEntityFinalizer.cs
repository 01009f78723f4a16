using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>
/// Cleans up before an object goes (KubeOps' shape). The runtime adds the finalizer before the first reconcile and
/// removes it only after this returns success; a failure keeps it and retries.
/// </summary>
public interface IEntityFinalizer<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    Task<ReconciliationResult<TEntity>> FinalizeAsync(TEntity entity, CancellationToken cancellationToken);
}
