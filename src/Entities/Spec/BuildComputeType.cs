using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>CodeBuild compute type (the AWS values).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BuildComputeType>))]
public enum BuildComputeType
{
    /// <summary>3 GB memory, 2 vCPUs.</summary>
    [JsonStringEnumMemberName("BUILD_GENERAL1_SMALL")]
    BuildGeneral1Small,

    /// <summary>7 GB memory, 4 vCPUs.</summary>
    [JsonStringEnumMemberName("BUILD_GENERAL1_MEDIUM")]
    BuildGeneral1Medium,

    /// <summary>15 GB memory, 8 vCPUs.</summary>
    [JsonStringEnumMemberName("BUILD_GENERAL1_LARGE")]
    BuildGeneral1Large,
}
