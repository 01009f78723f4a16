using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The desired data platform of one environment. Everything but region has a safe default.</summary>
[CelRule("!has(self.connectionSecretName) || self.connectionSecretName.size() <= 253", "connectionSecretName must be at most 253 characters.")]
public sealed class DataPlatformEnvironmentSpec
{
    /// <summary>AWS region of the stack, such as eu-south-2. Changing it replaces every resource.</summary>
    [JsonPropertyName("region")]
    [Required]
    [RegularExpression("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")]
    [MaxLength(32)]
    [CelRule("self == oldSelf", "region is immutable: create a new environment to move regions.")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Region { get; set; } = "";

    /// <summary>Part of every derived AWS name (lower-case letters, digits and hyphens). Defaults to metadata.name.</summary>
    [JsonPropertyName("environmentSuffix")]
    [StringLength(32, MinimumLength = 1)]
    [RegularExpression("^[a-z](?:-?[a-z0-9])*$")]
    public string? EnvironmentSuffix { get; set; }

    /// <summary>Tags merged with the operator's four default tags and Name on every taggable AWS resource (at most 45, so the merged set stays within the AWS limit of 50).</summary>
    [JsonPropertyName("tags")]
    [MaxLength(45)]
    [CelRule("self.all(k, !k.lowerAscii().startsWith('aws:'))", "tag keys must not start with 'aws:' (reserved by AWS).")]
    [CelRule("self.all(k, k.size() >= 1 && k.size() <= 128)", "tag keys must be 1 to 128 characters.")]
    [CelRule("self.all(k, self[k].size() <= 256)", "tag values must be at most 256 characters.")]
    [JsonConverter(typeof(SharedKeysConverter))]
    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>What deleting this resource does to the AWS resources: Delete destroys the stack, Retain keeps it.</summary>
    [JsonPropertyName("deletionPolicy")]
    public DeletionPolicy DeletionPolicy { get; set; } = DeletionPolicy.Delete;

    /// <summary>When true the operator records the pause and makes no change to the stack.</summary>
    [JsonPropertyName("paused")]
    public bool Paused { get; set; }

    /// <summary>How the operator runs the Pulumi stack: state backend, secrets provider, credentials, resync and retry.</summary>
    [JsonPropertyName("stack")]
    public StackSpec Stack { get; set; } = new();

    /// <summary>Which plans wait for approval, and whether disruptive database and cache changes wait for the maintenance window.</summary>
    [JsonPropertyName("updatePolicy")]
    public UpdatePolicySpec UpdatePolicy { get; set; } = new();

    /// <summary>How often the stack is checked for drift, and whether found drift is only reported or also corrected.</summary>
    [JsonPropertyName("drift")]
    public DriftSpec Drift { get; set; } = new();

    /// <summary>The VPC: CIDR, Availability Zone count and NAT gateways.</summary>
    [JsonPropertyName("network")]
    public NetworkSpec Network { get; set; } = new();

    /// <summary>Customer-managed KMS keys, one per service; services not listed get a key with the defaults.</summary>
    [JsonPropertyName("encryption")]
    public EncryptionSpec Encryption { get; set; } = new();

    /// <summary>The Kinesis data stream.</summary>
    [JsonPropertyName("streaming")]
    public StreamingSpec Streaming { get; set; } = new();

    /// <summary>The PostgreSQL database: Aurora Serverless v2 or an RDS instance.</summary>
    [JsonPropertyName("database")]
    public DatabaseSpec Database { get; set; } = new();

    /// <summary>The ElastiCache Redis replication group.</summary>
    [JsonPropertyName("cache")]
    public CacheSpec Cache { get; set; } = new();

    /// <summary>The S3 artifact bucket.</summary>
    [JsonPropertyName("artifacts")]
    public ArtifactsSpec Artifacts { get; set; } = new();

    /// <summary>The CodePipeline that builds and deploys from source.</summary>
    [JsonPropertyName("pipeline")]
    public PipelineSpec Pipeline { get; set; } = new();

    /// <summary>CloudWatch log groups.</summary>
    [JsonPropertyName("logging")]
    public LoggingSpec Logging { get; set; } = new();

    /// <summary>Name of the Secret the operator writes connection details to. Defaults to &lt;metadata.name&gt;-connection.</summary>
    [JsonPropertyName("connectionSecretName")]
    [RegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    [MaxLength(253)]
    public string? ConnectionSecretName { get; set; }
}
