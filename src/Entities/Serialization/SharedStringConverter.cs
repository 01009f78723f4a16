using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Serialization;

/// <summary>
/// Reads a JSON string through <see cref="SharedStrings"/>: a text already pooled costs no allocation at all, which
/// also spares the garbage collector on every watch event and relist. For fields whose texts repeat across a fleet.
/// </summary>
internal sealed class SharedStringConverter : JsonConverter<string>
{
    // A UTF-8 value of at most this many bytes decodes to at most this many UTF-16 code units.
    private const int MaxBytes = SharedStrings.DefaultMaxLength * 3;

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadText(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <summary>The current string token or property name, from the pool when it is short enough.</summary>
    internal static string ReadText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"Expected a string, found {reader.TokenType}.");
        }

        var bytes = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (bytes > MaxBytes)
        {
            return reader.GetString()!;
        }

        Span<char> text = stackalloc char[MaxBytes];
        var length = reader.CopyString(text);
        return SharedStrings.Process.Get(text[..length]);
    }
}
