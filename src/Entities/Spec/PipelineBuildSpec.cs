using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The CodeBuild project of the build stage.</summary>
public sealed class PipelineBuildSpec
{
    /// <summary>CodeBuild compute type.</summary>
    [JsonPropertyName("computeType")]
    public BuildComputeType ComputeType { get; set; } = BuildComputeType.BuildGeneral1Small;

    /// <summary>Build image, such as aws/codebuild/standard:7.0.</summary>
    [JsonPropertyName("image")]
    [StringLength(256, MinimumLength = 1)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Image { get; set; } = "aws/codebuild/standard:7.0";

    /// <summary>Path of the buildspec in the source.</summary>
    [JsonPropertyName("buildspec")]
    [StringLength(1024, MinimumLength = 1)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Buildspec { get; set; } = "buildspec.yml";

    /// <summary>Build timeout in minutes (5 to 2160).</summary>
    [JsonPropertyName("timeoutMinutes")]
    [Range(5, 2160)]
    public int TimeoutMinutes { get; set; } = 60;
}
