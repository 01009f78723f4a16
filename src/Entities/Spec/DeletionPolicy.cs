using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>What happens to the AWS resources when the environment is deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletionPolicy>))]
public enum DeletionPolicy
{
    /// <summary>Destroy the stack, then remove its state.</summary>
    Delete,

    /// <summary>Leave the AWS resources and the stack state in place.</summary>
    Retain,
}
