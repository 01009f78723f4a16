using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>
/// Requests and limits of an environment's engine Job container, as Kubernetes quantities (500m, 0.5, 2, 1Gi,
/// 1024Mi). Each unset field takes the operator's default (Engine:Job:CpuRequest, MemoryRequest, CpuLimit,
/// MemoryLimit); after that merge each request must not exceed its limit.
/// </summary>
public sealed class EngineResourcesSpec
{
    /// <summary>A non-negative Kubernetes quantity: a decimal number with an optional binary (Ki..Ei), decimal (n, u, m, k, M..E) or exponent suffix.</summary>
    public const string QuantityPattern = "^(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

    /// <summary>CPU the engine container requests, such as 500m or 1. Defaults to the operator's Engine:Job:CpuRequest.</summary>
    [JsonPropertyName("cpuRequest")]
    [RegularExpression(QuantityPattern)]
    [MaxLength(32)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? CpuRequest { get; set; }

    /// <summary>Memory the engine container requests, such as 1Gi or 1536Mi. Defaults to the operator's Engine:Job:MemoryRequest.</summary>
    [JsonPropertyName("memoryRequest")]
    [RegularExpression(QuantityPattern)]
    [MaxLength(32)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? MemoryRequest { get; set; }

    /// <summary>Most CPU the engine container may use, such as 2. Defaults to the operator's Engine:Job:CpuLimit (none unless set).</summary>
    [JsonPropertyName("cpuLimit")]
    [RegularExpression(QuantityPattern)]
    [MaxLength(32)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? CpuLimit { get; set; }

    /// <summary>Most memory the engine container may use before it is OOM-killed (retried as transient), such as 3Gi. Defaults to the operator's Engine:Job:MemoryLimit.</summary>
    [JsonPropertyName("memoryLimit")]
    [RegularExpression(QuantityPattern)]
    [MaxLength(32)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? MemoryLimit { get; set; }
}
