using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The PostgreSQL flavour.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatabaseEngine>))]
public enum DatabaseEngine
{
    /// <summary>Aurora PostgreSQL Serverless v2.</summary>
    [JsonStringEnumMemberName("aurora-postgresql")]
    AuroraPostgresql,

    /// <summary>An RDS for PostgreSQL instance.</summary>
    [JsonStringEnumMemberName("postgres")]
    Postgres,
}
