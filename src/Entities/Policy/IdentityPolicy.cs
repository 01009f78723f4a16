using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Policy;

/// <summary>Which AWS identities environments may run with.</summary>
public sealed class IdentityPolicy
{
    /// <summary>
    /// Role ARN patterns spec.stack.assumeRole.roleArn must match: '*' matches any run of characters and
    /// '{namespace}' the environment's namespace, such as arn:aws:iam::111122223333:role/dataplatform-{namespace}.
    /// Empty: any role (in the allowed accounts).
    /// </summary>
    [JsonPropertyName("allowedRoleArns")]
    [MaxLength(100)]
    public List<string> AllowedRoleArns { get; set; } = [];

    /// <summary>Whether environments may deploy with the operator's own identity (no spec.stack.assumeRole). Off: every environment names a role.</summary>
    [JsonPropertyName("allowOperatorIdentity")]
    public bool AllowOperatorIdentity { get; set; }

    /// <summary>Whether environments may use static access keys from a Secret (spec.stack.credentialsSecretRef).</summary>
    [JsonPropertyName("allowStaticCredentials")]
    public bool AllowStaticCredentials { get; set; }
}
