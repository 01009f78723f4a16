using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Policy;

/// <summary>How changes to running environments may apply.</summary>
public sealed class ChangePolicy
{
    /// <summary>
    /// Whether a change whose preview replaces or deletes resources may apply without a human's approval. Off (the
    /// default under a policy): such a change waits for approval.
    /// </summary>
    [JsonPropertyName("allowDestructiveWithoutApproval")]
    public bool AllowDestructiveWithoutApproval { get; set; }
}
