using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>A PostgreSQL log type exported to CloudWatch Logs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogExport>))]
public enum LogExport
{
    /// <summary>The PostgreSQL log (both engines).</summary>
    [JsonStringEnumMemberName("postgresql")]
    Postgresql,

    /// <summary>The upgrade log (postgres only).</summary>
    [JsonStringEnumMemberName("upgrade")]
    Upgrade,

    /// <summary>The instance log (aurora-postgresql only).</summary>
    [JsonStringEnumMemberName("instance")]
    Instance,

    /// <summary>IAM database authentication errors (both engines).</summary>
    [JsonStringEnumMemberName("iam-db-auth-error")]
    IamDbAuthError,
}
