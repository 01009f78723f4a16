using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;

namespace DataPlatform.Entities.Spec;

/// <summary>Exponential backoff with full jitter for transient failures: min(max, base * 2^attempt).</summary>
[CelRule("self.baseDelaySeconds <= self.maxDelaySeconds", "retry.baseDelaySeconds must not exceed retry.maxDelaySeconds.")]
public sealed class RetrySpec
{
    /// <summary>Delay before the first retry, in seconds.</summary>
    [JsonPropertyName("baseDelaySeconds")]
    [Range(1, 3600)]
    public int BaseDelaySeconds { get; set; } = 30;

    /// <summary>Longest delay between retries, in seconds.</summary>
    [JsonPropertyName("maxDelaySeconds")]
    [Range(1, 86400)]
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>Attempts before the environment is reported Stalled with reason RetryBudgetExhausted.</summary>
    [JsonPropertyName("maxAttempts")]
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}
