using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>
/// The last previewed plan: its id (what dataplatform.io/approve-plan must carry), the generation it was made for,
/// where it stands, its changes per component, and the stateful resources it would replace or delete with the
/// properties that force it.
/// </summary>
public sealed class PlanStatus
{
    /// <summary>A digest of the previewed program and its steps; any change to either gives a new id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The generation the plan was previewed for.</summary>
    [JsonPropertyName("generation")]
    public long Generation { get; set; }

    /// <summary>AwaitingApproval, Applying, Applied.</summary>
    [JsonPropertyName("state")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string State { get; set; } = "";

    /// <summary>One line: counts of creates, updates, replaces and deletes, and what would be lost.</summary>
    [JsonPropertyName("summary")]
    public string Summary { get; set; } = "";

    /// <summary>When the preview ran.</summary>
    [JsonPropertyName("previewTime")]
    public DateTimeOffset? PreviewTime { get; set; }

    /// <summary>Database and cache modifications held for their maintenance window (spec.updatePolicy.applyImmediately false), and when it opens.</summary>
    [JsonPropertyName("pending")]
    public string? Pending { get; set; }

    /// <summary>Changes per component; components without changes are left out.</summary>
    [JsonPropertyName("components")]
    [ListMapKey("component")]
    public List<PlanComponentChanges>? Components { get; set; }

    /// <summary>Stateful resources the plan replaces or deletes, with the properties forcing a replacement.</summary>
    [JsonPropertyName("destructive")]
    [ListMapKey("resource")]
    public List<PlannedDestructiveChange>? Destructive { get; set; }
}
