using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>
/// The IAM role the environment's stack runs as. The program's AWS provider assumes it with an external id
/// (dataplatform:&lt;namespace&gt;) and a session name (dpe.&lt;namespace&gt;.&lt;name&gt;) the operator derives,
/// so the role's trust policy can admit exactly this namespace; the operator's own identity only assumes it.
/// </summary>
public sealed class AssumeRoleSpec
{
    /// <summary>ARN of the IAM role to assume, such as arn:aws:iam::111122223333:role/data-team-platform.</summary>
    [JsonPropertyName("roleArn")]
    [Required]
    [RegularExpression("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")]
    [MaxLength(600)]
    public string RoleArn { get; set; } = "";
}
