using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The pipeline's deploy stage.</summary>
public sealed class PipelineDeploySpec
{
    /// <summary>S3 (extract the build output into the artifact bucket under deploy/), CodeDeploy, or None (no deploy stage).</summary>
    [JsonPropertyName("provider")]
    public DeployProvider Provider { get; set; } = DeployProvider.S3;
}
