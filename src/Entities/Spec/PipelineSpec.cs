using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>A CodePipeline Source -> Build -> Deploy with a CodeBuild project and least-privilege roles.</summary>
public sealed class PipelineSpec
{
    /// <summary>Create the pipeline.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Where the source comes from.</summary>
    [JsonPropertyName("source")]
    public PipelineSourceSpec Source { get; set; } = new();

    /// <summary>The CodeBuild stage.</summary>
    [JsonPropertyName("build")]
    public PipelineBuildSpec Build { get; set; } = new();

    /// <summary>The deploy stage.</summary>
    [JsonPropertyName("deploy")]
    public PipelineDeploySpec Deploy { get; set; } = new();
}
