using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>How changes reach AWS: which previewed plans wait for approval, and whether disruptive database and cache modifications wait for their maintenance window.</summary>
public sealed class UpdatePolicySpec
{
    /// <summary>Destructive (default): plans replacing or deleting a stateful resource wait for approval; Always: every changing plan waits; Never: nothing waits.</summary>
    [JsonPropertyName("approval")]
    public ApprovalMode Approval { get; set; } = ApprovalMode.Destructive;

    /// <summary>When false (default) disruptive database and cache modifications wait for spec.database.maintenanceWindow; when true they apply at once.</summary>
    [JsonPropertyName("applyImmediately")]
    public bool ApplyImmediately { get; set; }
}
