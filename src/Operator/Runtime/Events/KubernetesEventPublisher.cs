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
/// Recording is best effort, as client-go's recorder: an Event that cannot be written (403 in a terminating
/// namespace, 429, 5xx, a timeout) is logged and dropped, and a write never takes longer than
/// <see cref="Timeout"/>, so an Event can neither fail nor stall a reconcile or a destroy (which would repeat it).
/// </summary>
internal sealed partial class KubernetesEventPublisher(IKubernetesClient client, TimeProvider time, ILogger<KubernetesEventPublisher>? logger = null)
{
    public const string Component = "dataplatform-operator";

    /// <summary>The longest an Event write may take before it is dropped.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Events dropped because the API server did not take them.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    private int _dropped;

    public async Task PublishAsync(IKubernetesObject<V1ObjectMeta> entity, string reason, string message, EventType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            await WriteAsync(entity, reason, message, type, bounded.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _dropped);
            if (logger is not null)
            {
                Log.Dropped(logger, reason, entity.Metadata.NamespaceProperty, entity.Metadata.Name, e.GetType().Name, Describe(e));
            }
        }
    }

    private static string Describe(Exception e) => e is k8s.Autorest.HttpOperationException http
        ? $"{(int)http.Response.StatusCode} {http.Response.ReasonPhrase}"
        : e.Message;

    private async Task WriteAsync(IKubernetesObject<V1ObjectMeta> entity, string reason, string message, EventType type, CancellationToken cancellationToken)
    {
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Dropped Event {Reason} for {Namespace}/{Name}: {Error}: {Detail}")]
        public static partial void Dropped(ILogger logger, string reason, string? @namespace, string name, string error, string detail);
    }
}
