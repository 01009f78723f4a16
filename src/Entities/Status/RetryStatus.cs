using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>Retry state after a failed run.</summary>
public sealed class RetryStatus
{
    /// <summary>Failed attempts in a row for the current generation.</summary>
    [JsonPropertyName("attempt")]
    public int Attempt { get; set; }

    /// <summary>When the next attempt is due.</summary>
    [JsonPropertyName("nextAttemptTime")]
    public DateTimeOffset? NextAttemptTime { get; set; }

    /// <summary>Failure class of the last attempt, such as Throttling or InsufficientCapacity.</summary>
    [JsonPropertyName("lastFailureClass")]
    [JsonConverter(typeof(SharedStringConverter))]
    public string? LastFailureClass { get; set; }
}
