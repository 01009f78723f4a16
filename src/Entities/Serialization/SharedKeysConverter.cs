using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Serialization;

/// <summary>
/// A string map whose keys repeat across a fleet (output names, tag and parameter names) but whose values may not:
/// keys come from <see cref="SharedStrings"/>, values are read as they are.
/// </summary>
internal sealed class SharedKeysConverter : JsonConverter<Dictionary<string, string>>
{
    public override Dictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, found {reader.TokenType}.");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = SharedStringConverter.ReadText(ref reader);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    map[key] = reader.GetString()!;
                    break;
                case JsonTokenType.Null:
                    // Nothing to keep; the schema allows strings only, so only a hand-made object has one.
                    break;
                default:
                    throw new JsonException($"The value of \"{key}\" must be a string, found {reader.TokenType}.");
            }
        }

        map.TrimExcess();
        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, text) in value)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }
}
