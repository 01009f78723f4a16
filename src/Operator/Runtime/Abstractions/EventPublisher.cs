using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Abstractions;

/// <summary>Publishes a Kubernetes Event about an object; the same reason and message again only counts up.</summary>
public delegate Task EventPublisher(IKubernetesObject<V1ObjectMeta> entity, string reason, string message, EventType type, CancellationToken cancellationToken);
