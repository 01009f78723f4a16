using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>Status of a condition.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConditionStatus>))]
public enum ConditionStatus
{
    /// <summary>The condition holds.</summary>
    True,

    /// <summary>The condition does not hold.</summary>
    False,

    /// <summary>Not known yet.</summary>
    Unknown,
}
