using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Controller;

/// <summary>Read access to what a controller's informers hold (for gauges counted at scrape time); no queue, no dispatch.</summary>
internal interface ICachedEntities<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Every object this instance watches now; empty while it does not lead.</summary>
    IReadOnlyList<TEntity> Cached();
}
