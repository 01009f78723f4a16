using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// The JSON of an engine Job's payload and result: camelCase, enums by name, so every field of
/// <see cref="StackRequest"/> and <see cref="EngineRunResult"/>, including ones added later, travels as is.
/// </summary>
internal static class EngineJobJson
{
    /// <summary>The prefix of the log line that carries a run's whole result (the termination message carries it too, cut to fit).</summary>
    public const string ResultLinePrefix = "{\"engineResult\":";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"The JSON holds no {typeof(T).Name}.");

    public static string ResultLine(EngineRunResult result) => ResultLinePrefix + Serialize(result) + "}";

    /// <summary>The result carried by a log line, or null when the line is something else.</summary>
    public static EngineRunResult? ParseResultLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(ResultLinePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("engineResult").Deserialize<EngineRunResult>(Options);
    }
}
