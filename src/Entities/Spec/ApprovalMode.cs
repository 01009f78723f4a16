using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>Which previewed plans wait for a human's approval (the dataplatform.io/approve-plan annotation) before they apply.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalMode>))]
public enum ApprovalMode
{
    /// <summary>Only plans that replace or delete a stateful resource (database, cache, bucket, keys, stream, secrets) wait.</summary>
    Destructive,

    /// <summary>Every plan that changes anything waits.</summary>
    Always,

    /// <summary>No plan waits: destructive plans apply without approval.</summary>
    Never,
}
