using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>Queues every cached object of a kind for one more reconcile, as a resync does (when something they depend on changed).</summary>
internal interface IEntityResync<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    void ResyncAll();
}
