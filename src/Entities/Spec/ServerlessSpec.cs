using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;

namespace DataPlatform.Entities.Spec;

/// <summary>Aurora Serverless v2 capacity in Aurora capacity units (ACU), in steps of 0.5.</summary>
[CelRule("self.minCapacity <= self.maxCapacity", "serverless.minCapacity must not exceed serverless.maxCapacity.", FieldPath = ".minCapacity")]
[CelRule("!has(self.secondsUntilAutoPause) || self.minCapacity == 0.0", "serverless.secondsUntilAutoPause may only be set when minCapacity is 0.", FieldPath = ".secondsUntilAutoPause")]
public sealed class ServerlessSpec
{
    /// <summary>Smallest capacity: 0.5 or more, or 0 to let the cluster pause when idle (Aurora PostgreSQL 13.15, 14.12, 15.7, 16.3, 17.4 and later).</summary>
    [JsonPropertyName("minCapacity")]
    [Range(0.0, 256.0)]
    [MultipleOf(0.5)]
    public double MinCapacity { get; set; } = 0.5;

    /// <summary>Largest capacity: 1 to 256.</summary>
    [JsonPropertyName("maxCapacity")]
    [Range(1.0, 256.0)]
    [MultipleOf(0.5)]
    public double MaxCapacity { get; set; } = 2;

    /// <summary>Idle seconds before the cluster pauses (300 to 86400); only with minCapacity 0.</summary>
    [JsonPropertyName("secondsUntilAutoPause")]
    [Range(300, 86400)]
    public int? SecondsUntilAutoPause { get; set; }
}
