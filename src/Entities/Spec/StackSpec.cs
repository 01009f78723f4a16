using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>How the operator runs the Pulumi stack.</summary>
public sealed class StackSpec
{
    /// <summary>The state backends Pulumi supports; also what a DataPlatformPolicy's default backend must match.</summary>
    public const string BackendUrlPattern = "^(s3|azblob|gs|file|https)://.+$";

    /// <summary>The secrets providers Pulumi supports; also what a DataPlatformPolicy's default provider must match.</summary>
    public const string SecretsProviderPattern = "^(passphrase|awskms://.+|azurekeyvault://.+|gcpkms://.+|hashivault://.+)$";

    /// <summary>Pulumi state backend URL, such as s3://state-bucket?region=eu-west-1. Defaults to the operator's setting.</summary>
    [JsonPropertyName("backendUrl")]
    [RegularExpression(BackendUrlPattern)]
    [MaxLength(2048)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? BackendUrl { get; set; }

    /// <summary>Pulumi secrets provider, such as awskms://alias/pulumi-state. Defaults to a passphrase from the operator's Secret.</summary>
    [JsonPropertyName("secretsProvider")]
    [RegularExpression(SecretsProviderPattern)]
    [MaxLength(2048)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? SecretsProvider { get; set; }

    /// <summary>Secret in this namespace holding AWS credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, optional AWS_SESSION_TOKEN). Defaults to the operator's ambient identity (IRSA).</summary>
    [JsonPropertyName("credentialsSecretRef")]
    public SecretReference? CredentialsSecretRef { get; set; }

    /// <summary>IAM role the stack assumes (no static keys). Defaults to none: the operator's identity, or the credentials Secret, deploys directly.</summary>
    [JsonPropertyName("assumeRole")]
    public AssumeRoleSpec? AssumeRole { get; set; }

    /// <summary>Seconds between drift checks of a Ready environment; 0 turns drift checks off.</summary>
    [JsonPropertyName("resyncIntervalSeconds")]
    [Range(0, 604800)]
    public int ResyncIntervalSeconds { get; set; } = 3600;

    /// <summary>Size of this environment's engine runs (Job resources, parallelism). Defaults to the operator's settings.</summary>
    [JsonPropertyName("engine")]
    public EngineSpec? Engine { get; set; }

    /// <summary>Backoff for transient failures.</summary>
    [JsonPropertyName("retry")]
    public RetrySpec Retry { get; set; } = new();
}
