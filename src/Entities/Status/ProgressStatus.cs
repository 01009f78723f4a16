using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>
/// The engine run in progress, written at a bounded rate (at most once per the operator's progress interval,
/// 15 seconds by default); absent when no run is under way.
/// </summary>
public sealed class ProgressStatus
{
    /// <summary>The engine operation: update, refresh, preview or destroy.</summary>
    [JsonPropertyName("operation")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? Operation { get; set; }

    /// <summary>When the run started.</summary>
    [JsonPropertyName("startTime")]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Seconds since the run started, as of this status write.</summary>
    [JsonPropertyName("elapsedSeconds")]
    public long ElapsedSeconds { get; set; }

    /// <summary>Resources of the program the engine has finished with in this run.</summary>
    [JsonPropertyName("resourcesDone")]
    public int ResourcesDone { get; set; }

    /// <summary>Resources in the program.</summary>
    [JsonPropertyName("resourcesTotal")]
    public int ResourcesTotal { get; set; }

    /// <summary>A line for humans, such as "12/40 resources after 3m20s; in flight: create database-cluster (2m05s)".</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
