using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// <see cref="StackRequest.Files"/> in JSON (an engine Job's payload): an object of file name to the base64 of the
/// file's gzip, read back as <see cref="CompressedFileDictionary"/>. Written as text, the program would be escaped through
/// pooled buffers of up to six times its length (512 KiB per 40,000 characters), which stay cached per thread.
/// </summary>
public sealed class CompressedFileDictionaryJsonConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    private const string NotAnObject = "files must be an object of file name to the base64 of its gzip.";

    /// <summary>A null <c>files</c> is refused like any other non-object, not left for a run to trip over.</summary>
    public override bool HandleNull => true;

    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(NotAnObject);
        }

        var files = new List<KeyValuePair<string, byte[]>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.TryGetBytesFromBase64(out var bytes))
            {
                throw new JsonException($"files.{name} must be the base64 of the file's gzip.");
            }

            files.Add(KeyValuePair.Create(name, bytes));
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException(NotAnObject);
        }

        try
        {
            return CompressedFileDictionary.FromCompressed(files);
        }
        catch (InvalidDataException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (name, bytes) in CompressedFileDictionary.Of(value).Compressed)
        {
            writer.WriteBase64String(name, bytes);
        }

        writer.WriteEndObject();
    }
}
