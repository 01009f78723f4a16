using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>The last engine run.</summary>
public sealed class LastUpdate
{
    /// <summary>Operation: update, refresh, destroy or preview.</summary>
    [JsonPropertyName("kind")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? Kind { get; set; }

    /// <summary>The metadata.generation the run deployed.</summary>
    [JsonPropertyName("generation")]
    public long? Generation { get; set; }

    /// <summary>Succeeded, Failed or InProgress.</summary>
    [JsonPropertyName("result")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? Result { get; set; }

    /// <summary>When the run started.</summary>
    [JsonPropertyName("startTime")]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the run ended.</summary>
    [JsonPropertyName("endTime")]
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Summary of the run or its error, with secrets removed.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Resource changes by operation (create, update, delete, same, replace).</summary>
    [JsonPropertyName("resourceChanges")]
    public Dictionary<string, int>? ResourceChanges { get; set; }
}
