using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The PostgreSQL database: Aurora PostgreSQL Serverless v2 (default) or an RDS for PostgreSQL instance.</summary>
[CelRule("!(self.masterUsername.lowerAscii() in ['admin', 'rdsadmin', 'user', 'public', 'none', 'current_user', 'session_user', 'current_role', 'all', 'select', 'table', 'grant', 'default'])", "database.masterUsername is a reserved word on PostgreSQL engines; use a name such as dbadmin.", FieldPath = ".masterUsername")]
[CelRule("!self.masterUsername.lowerAscii().startsWith('pg_')", "database.masterUsername must not start with pg_ (reserved for PostgreSQL built-in roles).", FieldPath = ".masterUsername")]
[CelRule("self.engine == 'postgres' || self.backupRetentionDays >= 1", "database.backupRetentionDays must be 1 to 35 for aurora-postgresql (Aurora backups cannot be disabled).", FieldPath = ".backupRetentionDays")]
[CelRule("self.engine == 'postgres' || !self.logExports.exists(x, x == 'upgrade')", "database.logExports: 'upgrade' is only valid for engine postgres; aurora-postgresql accepts postgresql, instance and iam-db-auth-error.", FieldPath = ".logExports")]
[CelRule("self.engine == 'aurora-postgresql' || !self.logExports.exists(x, x == 'instance')", "database.logExports: 'instance' is only valid for engine aurora-postgresql; postgres accepts postgresql, upgrade and iam-db-auth-error.", FieldPath = ".logExports")]
[CelRule("!(self.storageType in ['io1', 'io2']) || has(self.iops)", "database.iops is required with storageType io1 or io2.", FieldPath = ".iops")]
public sealed class DatabaseSpec
{
    /// <summary>aurora-postgresql (Serverless v2 cluster) or postgres (RDS instance).</summary>
    [JsonPropertyName("engine")]
    public DatabaseEngine Engine { get; set; } = DatabaseEngine.AuroraPostgresql;

    /// <summary>A major version such as "16", resolved to the region's newest minor at deploy time, or an exact pin such as "16.4".</summary>
    [JsonPropertyName("engineVersion")]
    [RegularExpression("^(1[1-9]|[2-9][0-9])(\\.[0-9]+)?$")]
    [MaxLength(16)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string EngineVersion { get; set; } = "16";

    /// <summary>Aurora cluster identifier. Defaults to &lt;suffix&gt;-db.</summary>
    [JsonPropertyName("clusterIdentifier")]
    [StringLength(63, MinimumLength = 1)]
    [RegularExpression("^[a-z](?:-?[a-z0-9])*$")]
    public string? ClusterIdentifier { get; set; }

    /// <summary>RDS instance identifier (postgres), or the prefix of the Aurora instance identifiers. Defaults to &lt;suffix&gt;-db (postgres) or &lt;cluster&gt;-1.</summary>
    [JsonPropertyName("instanceIdentifier")]
    [StringLength(63, MinimumLength = 1)]
    [RegularExpression("^[a-z](?:-?[a-z0-9])*$")]
    public string? InstanceIdentifier { get; set; }

    /// <summary>Master user name: a letter, then letters, digits or underscores, at most 16. Not admin, rdsadmin, user or pg_*.</summary>
    [JsonPropertyName("masterUsername")]
    [StringLength(16, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]*$")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string MasterUsername { get; set; } = "dbadmin";

    /// <summary>Name of the database created with the cluster or instance.</summary>
    [JsonPropertyName("databaseName")]
    [StringLength(63, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]*$")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string DatabaseName { get; set; } = "app";

    /// <summary>Serverless v2 capacity (aurora-postgresql).</summary>
    [JsonPropertyName("serverless")]
    public ServerlessSpec Serverless { get; set; } = new();

    /// <summary>Instance class for postgres, such as db.t4g.medium.</summary>
    [JsonPropertyName("instanceClass")]
    [RegularExpression("^db\\.[a-z0-9-]+\\.[a-z0-9]+$")]
    [MaxLength(64)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string InstanceClass { get; set; } = "db.t4g.medium";

    /// <summary>Standby in a second Availability Zone (postgres), or a second serverless reader (aurora-postgresql).</summary>
    [JsonPropertyName("multiAz")]
    public bool MultiAz { get; set; } = true;

    /// <summary>Storage in GiB for postgres: 20 to 65536 (gp2, gp3), 100 to 65536 (io1, io2). Aurora storage grows by itself.</summary>
    [JsonPropertyName("allocatedStorage")]
    [Range(20, 65536)]
    public int AllocatedStorage { get; set; } = 20;

    /// <summary>Storage type for postgres; gp3 is always set explicitly.</summary>
    [JsonPropertyName("storageType")]
    public StorageType StorageType { get; set; } = StorageType.Gp3;

    /// <summary>Provisioned IOPS: required for io1 and io2; for gp3 only from 400 GiB.</summary>
    [JsonPropertyName("iops")]
    [Range(1000, 256000)]
    public int? Iops { get; set; }

    /// <summary>Storage throughput in MiB/s for gp3, only from 400 GiB.</summary>
    [JsonPropertyName("storageThroughput")]
    [Range(125, 4000)]
    public int? StorageThroughput { get; set; }

    /// <summary>Days automated backups are kept: 1 to 35 (0 turns them off, postgres only).</summary>
    [JsonPropertyName("backupRetentionDays")]
    [Range(0, 35)]
    public int BackupRetentionDays { get; set; } = 7;

    /// <summary>Daily backup window hh24:mi-hh24:mi in UTC, at least 30 minutes, not overlapping the maintenance window.</summary>
    [JsonPropertyName("backupWindow")]
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$")]
    [MaxLength(11)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string BackupWindow { get; set; } = "03:00-04:00";

    /// <summary>Weekly maintenance window ddd:hh24:mi-ddd:hh24:mi in UTC, at least 30 minutes.</summary>
    [JsonPropertyName("maintenanceWindow")]
    [RegularExpression("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$")]
    [MaxLength(19)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string MaintenanceWindow { get; set; } = "sun:05:00-sun:06:00";

    /// <summary>Logs exported to CloudWatch: postgresql, upgrade (postgres), instance (aurora-postgresql), iam-db-auth-error.</summary>
    [JsonPropertyName("logExports")]
    [MaxLength(3)]
    public List<LogExport> LogExports { get; set; } = [LogExport.Postgresql];

    /// <summary>Engine parameters set in the (cluster) parameter group, such as log_min_duration_statement: "500".</summary>
    [JsonPropertyName("parameters")]
    [MaxLength(100)]
    [JsonConverter(typeof(SharedKeysConverter))]
    public Dictionary<string, string> Parameters { get; set; } = [];

    /// <summary>Refuse deletion of the database. The operator never turns this off by itself.</summary>
    [JsonPropertyName("deletionProtection")]
    public bool DeletionProtection { get; set; } = true;

    /// <summary>Skip the final snapshot when the database is destroyed.</summary>
    [JsonPropertyName("skipFinalSnapshot")]
    public bool SkipFinalSnapshot { get; set; }
}
