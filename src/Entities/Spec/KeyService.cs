using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>A service that gets its own customer-managed KMS key.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyService>))]
public enum KeyService
{
    /// <summary>The Kinesis stream.</summary>
    Kinesis,

    /// <summary>Secrets Manager secrets.</summary>
    Secrets,

    /// <summary>Database storage and Performance Insights.</summary>
    Database,

    /// <summary>ElastiCache at-rest encryption.</summary>
    Cache,

    /// <summary>The artifact bucket and pipeline artifacts.</summary>
    Artifacts,

    /// <summary>CloudWatch log groups.</summary>
    Logs,
}
