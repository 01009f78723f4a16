using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>Asks the runtime to look at an object again after a delay (KubeOps' shape).</summary>
public delegate void EntityRequeue<in TEntity>(TEntity entity, TimeSpan delay)
    where TEntity : IKubernetesObject<V1ObjectMeta>;
