using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Policy;

/// <summary>Upper bounds on sizes. Unset or empty: no limit.</summary>
public sealed class SizeLimits
{
    /// <summary>Database instance classes environments may use (spec.database.instanceClass), such as db.t4g.medium.</summary>
    [JsonPropertyName("databaseInstanceClasses")]
    [MaxLength(100)]
    public List<string> DatabaseInstanceClasses { get; set; } = [];

    /// <summary>Largest Aurora Serverless v2 maxCapacity (ACUs).</summary>
    [JsonPropertyName("maxServerlessCapacity")]
    [Range(0.5, 256)]
    public double? MaxServerlessCapacity { get; set; }

    /// <summary>Largest allocated storage of an RDS instance, in GiB.</summary>
    [JsonPropertyName("maxAllocatedStorageGiB")]
    [Range(20, 65536)]
    public int? MaxAllocatedStorageGiB { get; set; }

    /// <summary>ElastiCache node types environments may use (spec.cache.nodeType), such as cache.t4g.micro.</summary>
    [JsonPropertyName("cacheNodeTypes")]
    [MaxLength(100)]
    public List<string> CacheNodeTypes { get; set; } = [];

    /// <summary>Most cache clusters (nodes) of a replication group.</summary>
    [JsonPropertyName("maxCacheClusters")]
    [Range(1, 6)]
    public int? MaxCacheClusters { get; set; }

    /// <summary>Most shards of a provisioned Kinesis stream.</summary>
    [JsonPropertyName("maxShardCount")]
    [Range(1, 10000)]
    public int? MaxShardCount { get; set; }

    /// <summary>Largest CPU an environment may ask for its engine runs (spec.stack.engine.resources cpuRequest and cpuLimit), a Kubernetes quantity such as 2 or 1500m. Tighter than the operator's Engine:Job:MaxCpu or nothing.</summary>
    [JsonPropertyName("maxEngineCpu")]
    [RegularExpression(Spec.EngineResourcesSpec.QuantityPattern)]
    [MaxLength(32)]
    public string? MaxEngineCpu { get; set; }

    /// <summary>Largest memory an environment may ask for its engine runs (spec.stack.engine.resources memoryRequest and memoryLimit), a Kubernetes quantity such as 4Gi. Tighter than the operator's Engine:Job:MaxMemory or nothing.</summary>
    [JsonPropertyName("maxEngineMemory")]
    [RegularExpression(Spec.EngineResourcesSpec.QuantityPattern)]
    [MaxLength(32)]
    public string? MaxEngineMemory { get; set; }

    /// <summary>Largest spec.stack.engine.parallel an environment may ask for.</summary>
    [JsonPropertyName("maxEngineParallel")]
    [Range(1, 256)]
    public int? MaxEngineParallel { get; set; }
}
