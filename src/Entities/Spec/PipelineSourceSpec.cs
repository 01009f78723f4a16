using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The pipeline's source stage.</summary>
[CelRule("self.provider != 'CodeStarSourceConnection' || has(self.repository)", "pipeline.source.repository (owner/name) is required with provider CodeStarSourceConnection.", FieldPath = ".repository")]
public sealed class PipelineSourceSpec
{
    /// <summary>S3 (an object in the artifact bucket, the default) or CodeStarSourceConnection (GitHub, GitLab or Bitbucket through a connection).</summary>
    [JsonPropertyName("provider")]
    public SourceProvider Provider { get; set; } = SourceProvider.S3;

    /// <summary>ARN of an existing CodeConnections connection. When empty with CodeStarSourceConnection, the stack creates one that an administrator must approve in the console.</summary>
    [JsonPropertyName("connectionArn")]
    [RegularExpression("^arn:aws(-[a-z]+)*:(codestar-connections|codeconnections):[a-z0-9-]+:[0-9]{12}:connection/[A-Za-z0-9-]+$")]
    [MaxLength(2048)]
    public string? ConnectionArn { get; set; }

    /// <summary>Repository as owner/name (CodeStarSourceConnection).</summary>
    [JsonPropertyName("repository")]
    [RegularExpression("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    [MaxLength(256)]
    public string? Repository { get; set; }

    /// <summary>Branch to build (CodeStarSourceConnection).</summary>
    [JsonPropertyName("branch")]
    [StringLength(255, MinimumLength = 1)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Branch { get; set; } = "main";

    /// <summary>Object key of the source archive in the artifact bucket (S3).</summary>
    [JsonPropertyName("objectKey")]
    [StringLength(1024, MinimumLength = 1)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string ObjectKey { get; set; } = "source/source.zip";
}
