using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>Endpoints and identifiers of what the stack built.</summary>
public sealed class Endpoints
{
    /// <summary>Database writer (cluster or instance) host name.</summary>
    [JsonPropertyName("databaseWriter")]
    public string? DatabaseWriter { get; set; }

    /// <summary>Database reader host name.</summary>
    [JsonPropertyName("databaseReader")]
    public string? DatabaseReader { get; set; }

    /// <summary>Database port.</summary>
    [JsonPropertyName("databasePort")]
    public int? DatabasePort { get; set; }

    /// <summary>ARN of the Secrets Manager secret with the database credentials.</summary>
    [JsonPropertyName("databaseSecretArn")]
    public string? DatabaseSecretArn { get; set; }

    /// <summary>Redis primary endpoint host name.</summary>
    [JsonPropertyName("redisPrimary")]
    public string? RedisPrimary { get; set; }

    /// <summary>Redis reader endpoint host name.</summary>
    [JsonPropertyName("redisReader")]
    public string? RedisReader { get; set; }

    /// <summary>Redis port.</summary>
    [JsonPropertyName("redisPort")]
    public int? RedisPort { get; set; }

    /// <summary>ARN of the Kinesis stream.</summary>
    [JsonPropertyName("kinesisStreamArn")]
    public string? KinesisStreamArn { get; set; }

    /// <summary>Name of the artifact bucket.</summary>
    [JsonPropertyName("artifactBucket")]
    public string? ArtifactBucket { get; set; }

    /// <summary>Name of the CodePipeline.</summary>
    [JsonPropertyName("pipelineName")]
    public string? PipelineName { get; set; }

    /// <summary>Id of the VPC.</summary>
    [JsonPropertyName("vpcId")]
    public string? VpcId { get; set; }
}
