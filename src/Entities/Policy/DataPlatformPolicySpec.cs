using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;

namespace DataPlatform.Entities.Policy;

/// <summary>
/// What one policy admits. Every policy whose namespaces select an environment's namespace applies to it, and the
/// environment must satisfy all of them; a namespace no policy selects may not run environments once any policy
/// exists. An empty list means "no restriction" for that rule.
/// </summary>
public sealed class DataPlatformPolicySpec
{
    /// <summary>The namespaces this policy admits and governs, by name or by label selector.</summary>
    [JsonPropertyName("namespaces")]
    [Required]
    public NamespaceSelection Namespaces { get; set; } = new();

    /// <summary>Which AWS identities environments may run with.</summary>
    [JsonPropertyName("identity")]
    public IdentityPolicy Identity { get; set; } = new();

    /// <summary>AWS account ids (12 digits) environments may deploy to: the account of spec.stack.assumeRole.roleArn. Empty: any.</summary>
    [JsonPropertyName("allowedAccounts")]
    [MaxLength(100)]
    public List<string> AllowedAccounts { get; set; } = [];

    /// <summary>AWS regions environments may deploy to, such as eu-west-1. Empty: any.</summary>
    [JsonPropertyName("allowedRegions")]
    [MaxLength(50)]
    public List<string> AllowedRegions { get; set; } = [];

    /// <summary>Upper bounds on sizes: instance classes, capacities, node types.</summary>
    [JsonPropertyName("limits")]
    public SizeLimits Limits { get; set; } = new();

    /// <summary>Tag keys every environment must set in spec.tags (such as cost-center).</summary>
    [JsonPropertyName("requiredTags")]
    [MaxLength(45)]
    [CelRule("self.all(k, k.size() >= 1 && k.size() <= 128)", "requiredTags keys must be 1 to 128 characters.")]
    public List<string> RequiredTags { get; set; } = [];

    /// <summary>How changes to running environments may apply.</summary>
    [JsonPropertyName("changes")]
    public ChangePolicy Changes { get; set; } = new();

    /// <summary>Defaults for environments that do not set them (state backend, secrets provider).</summary>
    [JsonPropertyName("defaults")]
    public StackDefaults Defaults { get; set; } = new();
}
