using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using DataPlatform.Entities.Serialization;
using DataPlatform.Entities.Spec;
using DataPlatform.Entities.Status;
using k8s.Models;
using k8s;

namespace DataPlatform.Entities;

/// <summary>
/// A whole AWS data platform for one environment: network, keys, streaming, database, cache, artifact bucket and
/// delivery pipeline, provisioned as one Pulumi stack in one region and kept converged by the operator.
/// </summary>
[KubernetesEntity(Group = GroupName, ApiVersion = Version, Kind = KindName, PluralName = Plural)]
[PrinterColumn(0, "Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", Description = "Whether the last update of the current generation succeeded.")]
[PrinterColumn(1, "Phase", "string", ".status.phase", Description = "Lifecycle phase, for humans.")]
[PrinterColumn(2, "Region", "string", ".spec.region", Description = "AWS region of the stack.")]
[PrinterColumn(3, "Endpoint", "string", ".status.endpoints.databaseWriter", Description = "Database writer endpoint.")]
[PrinterColumn(4, "Reason", "string", ".status.conditions[?(@.type==\"Ready\")].reason", Description = "Why the environment is or is not Ready.")]
[PrinterColumn(5, "Age", "date", ".metadata.creationTimestamp")]
[PrinterColumn(6, "Message", "string", ".status.conditions[?(@.type==\"Ready\")].message", Description = "The Ready condition's message: what blocks it, or what was deployed.", Priority = 1)]
public sealed class V1Alpha1DataPlatformEnvironment
    : IKubernetesObject<V1ObjectMeta>, ISpec<DataPlatformEnvironmentSpec>, IStatus<DataPlatformEnvironmentStatus?>
{
    public const string GroupName = "dataplatform.io";
    public const string Version = "v1alpha1";
    public const string KindName = "DataPlatformEnvironment";
    public const string Plural = "dataplatformenvironments";
    public const string Singular = "dataplatformenvironment";
    public const string ShortName = "dpe";
    public const string Category = "dataplatform";

    /// <summary>The finalizer the operator holds until the stack is destroyed or retained.</summary>
    public const string Finalizer = "dataplatform.io/finalizer";

    /// <summary>Annotation whose every new value forces one reconcile and a retry of a Stalled environment.</summary>
    public const string ReconcileRequestAnnotation = "dataplatform.io/reconcile-request";

    /// <summary>Annotation carrying the id of the previewed plan (status.plan.id) a human approves; only that plan applies.</summary>
    public const string ApprovePlanAnnotation = "dataplatform.io/approve-plan";

    /// <summary>Annotation whose every new value lets the next update resolve the newest engine version of the spec's major again.</summary>
    public const string UpgradeEngineAnnotation = "dataplatform.io/upgrade-engine";

    /// <summary>Annotation that pauses the environment when set to "true", like <c>spec.paused</c>.</summary>
    public const string PausedAnnotation = "dataplatform.io/paused";

    public static string ApiVersionString => GroupName + "/" + Version;

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    [JsonPropertyName("apiVersion")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string ApiVersion { get; set; } = ApiVersionString;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    [JsonPropertyName("kind")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string Kind { get; set; } = KindName;

    /// <summary>Standard object metadata.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired data platform.</summary>
    [JsonPropertyName("spec")]
    [Required]
    public DataPlatformEnvironmentSpec Spec { get; set; } = new();

    /// <summary>What the operator built and observed.</summary>
    [JsonPropertyName("status")]
    public DataPlatformEnvironmentStatus? Status { get; set; }
}
