using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>ElastiCache engine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CacheEngine>))]
public enum CacheEngine
{
    /// <summary>Redis OSS.</summary>
    [JsonStringEnumMemberName("redis")]
    Redis,
}
