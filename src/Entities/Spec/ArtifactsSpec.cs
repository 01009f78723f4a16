using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The S3 artifact bucket: versioned, SSE-KMS encrypted, public access blocked, TLS only.</summary>
public sealed class ArtifactsSpec
{
    /// <summary>Bucket name (globally unique, 3 to 63 lower-case letters, digits, hyphens). Defaults to &lt;suffix&gt;-artifacts-&lt;hash&gt;.</summary>
    [JsonPropertyName("bucketName")]
    [StringLength(63, MinimumLength = 3)]
    [RegularExpression("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    public string? BucketName { get; set; }

    /// <summary>Keep every version of every object.</summary>
    [JsonPropertyName("versioning")]
    public bool Versioning { get; set; } = true;

    /// <summary>Let destroy delete a bucket that still holds objects.</summary>
    [JsonPropertyName("forceDestroy")]
    public bool ForceDestroy { get; set; }

    /// <summary>Days before noncurrent object versions expire; 0 keeps them forever.</summary>
    [JsonPropertyName("noncurrentVersionExpirationDays")]
    [Range(0, 3650)]
    public int NoncurrentVersionExpirationDays { get; set; } = 30;
}
