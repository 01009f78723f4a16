using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>What the operator built and observed. Everything the operator must remember lives here.</summary>
public sealed class DataPlatformEnvironmentStatus : IJsonOnDeserialized
{
    /// <summary>The metadata.generation this status describes.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    /// <summary>kstatus conditions: Ready, Reconciling, Stalled (and Paused).</summary>
    [JsonPropertyName("conditions")]
    [ListMapKey("type")]
    public List<Condition> Conditions { get; set; } = [];

    /// <summary>Lifecycle phase, for humans: Pending, Provisioning, Ready, Failed, Deleting, Paused.</summary>
    [JsonPropertyName("phase")]
    public EnvironmentPhase? Phase { get; set; }

    /// <summary>Endpoints and identifiers of what was built.</summary>
    [JsonPropertyName("endpoints")]
    public Endpoints? Endpoints { get; set; }

    /// <summary>Every stack output; secret outputs are shown as [secret].</summary>
    [JsonPropertyName("outputs")]
    [JsonConverter(typeof(SharedKeysConverter))]
    public Dictionary<string, string>? Outputs { get; set; }

    /// <summary>The Secret holding connection details.</summary>
    [JsonPropertyName("connectionSecretRef")]
    public Spec.SecretReference? ConnectionSecretRef { get; set; }

    /// <summary>The last engine run.</summary>
    [JsonPropertyName("lastUpdate")]
    public LastUpdate? LastUpdate { get; set; }

    /// <summary>Retry state after a transient failure; empty when none is pending.</summary>
    [JsonPropertyName("retry")]
    public RetryStatus? Retry { get; set; }

    /// <summary>The engine run under way: resources done of total, elapsed time; absent when no run is under way.</summary>
    [JsonPropertyName("progress")]
    public ProgressStatus? Progress { get; set; }

    /// <summary>
    /// One entry per component of the stack program, in a fixed order, with its state (Ready, InProgress, Failed,
    /// Pending) and resource counts; a Failed entry names the resource, the AWS error and the failure class. The
    /// Ready condition's message names the components that block it.
    /// </summary>
    [JsonPropertyName("components")]
    [ListMapKey("name")]
    public List<ComponentStatus>? Components { get; set; }

    /// <summary>The last previewed plan (DESIGN.md section 11): id to approve, changes per component, stateful resources it would lose.</summary>
    [JsonPropertyName("plan")]
    public PlanStatus? Plan { get; set; }

    /// <summary>Engine versions resolved once and reused until the spec or the dataplatform.io/upgrade-engine annotation asks for another.</summary>
    [JsonPropertyName("pinnedVersions")]
    public PinnedVersions? PinnedVersions { get; set; }

    /// <summary>
    /// How the operator derives this environment's AWS names, recorded at its first update and never changed:
    /// Namespaced (the suffix and a hash of the namespace) or Legacy (the suffix alone, for environments deployed
    /// before namespaced names existed).
    /// </summary>
    [JsonPropertyName("namingScheme")]
    public NamingScheme? NamingScheme { get; set; }

    /// <summary>The last dataplatform.io/reconcile-request annotation value the operator acted on.</summary>
    [JsonPropertyName("observedReconcileRequest")]
    public string? ObservedReconcileRequest { get; set; }

    /// <summary>
    /// The endpoints repeat stack outputs and the Ready condition repeats the last update's message; once read, each
    /// repeated text is held once (the operator caches every environment, and these are a tenth of one).
    /// </summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Outputs is { Count: > 0 } && Endpoints is { } endpoints)
        {
            var texts = new HashSet<string>(Outputs.Values, StringComparer.Ordinal);
            endpoints.DatabaseWriter = Same(texts, endpoints.DatabaseWriter);
            endpoints.DatabaseReader = Same(texts, endpoints.DatabaseReader);
            endpoints.DatabaseSecretArn = Same(texts, endpoints.DatabaseSecretArn);
            endpoints.RedisPrimary = Same(texts, endpoints.RedisPrimary);
            endpoints.RedisReader = Same(texts, endpoints.RedisReader);
            endpoints.KinesisStreamArn = Same(texts, endpoints.KinesisStreamArn);
            endpoints.ArtifactBucket = Same(texts, endpoints.ArtifactBucket);
            endpoints.PipelineName = Same(texts, endpoints.PipelineName);
            endpoints.VpcId = Same(texts, endpoints.VpcId);
        }

        if (LastUpdate?.Message is { } message)
        {
            foreach (var condition in Conditions)
            {
                if (string.Equals(condition.Message, message, StringComparison.Ordinal))
                {
                    condition.Message = message;
                }
            }
        }
    }

    private static string? Same(HashSet<string> texts, string? text) =>
        text is not null && texts.TryGetValue(text, out var held) ? held : text;
}
