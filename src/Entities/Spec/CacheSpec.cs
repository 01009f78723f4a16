using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The ElastiCache Redis replication group with its parameter group and subnet group.</summary>
[CelRule("!self.automaticFailover || self.numCacheClusters >= 2", "cache.automaticFailover needs numCacheClusters of at least 2.", FieldPath = ".automaticFailover")]
[CelRule("!self.multiAz || self.automaticFailover", "cache.multiAz needs automaticFailover.", FieldPath = ".multiAz")]
[CelRule("!self.authEnabled || self.transitEncryption", "cache.authEnabled needs transitEncryption (ElastiCache accepts an AUTH token only over TLS).", FieldPath = ".authEnabled")]
public sealed class CacheSpec
{
    /// <summary>Cache engine.</summary>
    [JsonPropertyName("engine")]
    public CacheEngine Engine { get; set; } = CacheEngine.Redis;

    /// <summary>Engine version: major.minor for Redis 7 (such as 7.1), 6.2 or 6.x for Redis 6.</summary>
    [JsonPropertyName("engineVersion")]
    [RegularExpression("^(6\\.x|[6-9]\\.[0-9]+)$")]
    [MaxLength(16)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string EngineVersion { get; set; } = "7.1";

    /// <summary>Replication group id (at most 40 characters). Defaults to &lt;suffix&gt;-redis.</summary>
    [JsonPropertyName("replicationGroupId")]
    [StringLength(40, MinimumLength = 1)]
    [RegularExpression("^[a-z](?:-?[a-z0-9])*$")]
    public string? ReplicationGroupId { get; set; }

    /// <summary>Node type, such as cache.t4g.micro.</summary>
    [JsonPropertyName("nodeType")]
    [RegularExpression("^cache\\.[a-z0-9]+\\.[a-z0-9]+$")]
    [MaxLength(64)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string NodeType { get; set; } = "cache.t4g.micro";

    /// <summary>Nodes in the group: one primary plus up to five replicas.</summary>
    [JsonPropertyName("numCacheClusters")]
    [Range(1, 6)]
    public int NumCacheClusters { get; set; } = 2;

    /// <summary>Promote a replica when the primary fails (needs at least 2 nodes).</summary>
    [JsonPropertyName("automaticFailover")]
    public bool AutomaticFailover { get; set; } = true;

    /// <summary>Place nodes in different Availability Zones (needs automaticFailover).</summary>
    [JsonPropertyName("multiAz")]
    public bool MultiAz { get; set; } = true;

    /// <summary>Parameter group family, such as redis7. Defaults to the family of engineVersion.</summary>
    [JsonPropertyName("parameterGroupFamily")]
    [RegularExpression("^(redis7|redis6\\.x)$")]
    [MaxLength(32)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? ParameterGroupFamily { get; set; }

    /// <summary>Parameters of the parameter group. maxmemory-policy defaults to allkeys-lru.</summary>
    [JsonPropertyName("parameters")]
    [MaxLength(100)]
    [JsonConverter(typeof(SharedKeysConverter))]
    public Dictionary<string, string> Parameters { get; set; } = [];

    /// <summary>TLS between clients and nodes.</summary>
    [JsonPropertyName("transitEncryption")]
    public bool TransitEncryption { get; set; } = true;

    /// <summary>Encrypt data at rest with the cache key. Cannot change after creation.</summary>
    [JsonPropertyName("atRestEncryption")]
    public bool AtRestEncryption { get; set; } = true;

    /// <summary>Require an AUTH token, generated like the database password and written only to the connection Secret.</summary>
    [JsonPropertyName("authEnabled")]
    public bool AuthEnabled { get; set; } = true;
}
