using System.Security.Cryptography;
using System.Text;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Client;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Events;

/// <summary>
/// Writes core/v1 Events about an object. The same reason and message on the same object is one Event whose count
/// and lastTimestamp move, as kubectl's event aggregation expects, instead of a new Event per reconcile.
/// </summary>
internal sealed class KubernetesEventPublisher(IKubernetesClient client, TimeProvider time)
{
    public const string Component = "dataplatform-operator";

    public async Task PublishAsync(IKubernetesObject<V1ObjectMeta> entity, string reason, string message, EventType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var ns = entity.Metadata.NamespaceProperty ?? "default";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{entity.Metadata.Uid}/{type}/{reason}/{message}")))[..16];
        var name = $"{entity.Metadata.Name}.{hash}";
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await client.GetAsync<Corev1Event>(name, ns, cancellationToken);
        if (existing is not null)
        {
            existing.Count = (existing.Count ?? 1) + 1;
            existing.LastTimestamp = now;
            try
            {
                await client.UpdateAsync(existing, cancellationToken);
            }
            catch (ConflictException)
            {
                // Another writer counted the same event; one lost increment is acceptable for an event count.
            }

            return;
        }

        await client.CreateAsync(
            new Corev1Event
            {
                ApiVersion = "v1",
                Kind = "Event",
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                InvolvedObject = new V1ObjectReference
                {
                    ApiVersion = entity.ApiVersion,
                    Kind = entity.Kind,
                    Name = entity.Metadata.Name,
                    NamespaceProperty = ns,
                    Uid = entity.Metadata.Uid,
                    ResourceVersion = entity.Metadata.ResourceVersion,
                },
                Reason = reason,
                Message = message,
                Type = type.ToString(),
                Count = 1,
                FirstTimestamp = now,
                LastTimestamp = now,
                Source = new V1EventSource { Component = Component },
                ReportingComponent = Component,
                ReportingInstance = Environment.MachineName,
            },
            cancellationToken);
    }
}
