using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using k8s;
using k8s.Models;

namespace DataPlatform.Entities.Policy;

/// <summary>
/// The platform team's policy (cluster-scoped): which namespaces may run DataPlatformEnvironments, with which IAM
/// roles, accounts and regions, within which sizes and with which tags. Enforced at admission (the request is denied
/// naming the policy and the rule) and at reconcile (an environment a policy change forbids stalls with reason
/// PolicyViolation; nothing is destroyed). With no policy installed every namespace may deploy as before.
/// </summary>
[KubernetesEntity(Group = V1Alpha1DataPlatformEnvironment.GroupName, ApiVersion = V1Alpha1DataPlatformEnvironment.Version, Kind = KindName, PluralName = Plural)]
[PrinterColumn(0, "Namespaces", "string", ".spec.namespaces.names", Description = "Namespaces admitted by name.")]
[PrinterColumn(1, "Regions", "string", ".spec.allowedRegions", Description = "Regions environments may deploy to (empty: any).")]
[PrinterColumn(2, "Accounts", "string", ".spec.allowedAccounts", Description = "AWS accounts environments may deploy to (empty: any).")]
[PrinterColumn(3, "StaticKeys", "boolean", ".spec.identity.allowStaticCredentials", Description = "Whether static access keys in a Secret are allowed.")]
[PrinterColumn(4, "Age", "date", ".metadata.creationTimestamp")]
public sealed class V1Alpha1DataPlatformPolicy : IKubernetesObject<V1ObjectMeta>, ISpec<DataPlatformPolicySpec>
{
    public const string KindName = "DataPlatformPolicy";
    public const string Plural = "dataplatformpolicies";
    public const string Singular = "dataplatformpolicy";
    public const string ShortName = "dpp";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = V1Alpha1DataPlatformEnvironment.ApiVersionString;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What the policy admits and requires.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public DataPlatformPolicySpec Spec { get; set; } = new();
}
