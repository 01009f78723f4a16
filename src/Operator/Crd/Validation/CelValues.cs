using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cel;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// Turns JSON into the values CEL sees, typed by the schema as the API server types them: <c>integer</c> is int,
/// <c>number</c> is double (even when written as <c>2</c>), objects and maps are maps, arrays are lists.
/// </summary>
internal static partial class CelValues
{
    public static object? From(JsonNode? node, SchemaNode? schema) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(
            p => p.Key,
            p => From(p.Value, schema?.Properties.GetValueOrDefault(p.Key) ?? schema?.AdditionalProperties),
            StringComparer.Ordinal),
        JsonArray a => a.Select(x => From(x, schema?.Items)).ToList(),
        JsonValue v => Scalar(v, schema?.Type),
        _ => null,
    };

    public static bool MentionsOldSelf(string rule) => OldSelf().IsMatch(rule);

    /// <summary>An evaluation error in cel-go's words where the library's differ (a missing field is "no such key").</summary>
    public static string DescribeError(Exception e) => e switch
    {
        CelNoSuchFieldException when NoSuchField().Match(e.Message) is { Success: true } m => $"no such key: {m.Groups[1].Value}",
        _ => e.Message.TrimEnd('.'),
    };

    private static object? Scalar(JsonValue value, string? type)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                if (type != "number" && value.TryGetValue<long>(out var l))
                {
                    return l;
                }

                if (value.TryGetValue<double>(out var d))
                {
                    return d;
                }

                return double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    [GeneratedRegex(@"\boldSelf\b")]
    private static partial Regex OldSelf();

    [GeneratedRegex("select field '([^']+)'")]
    private static partial Regex NoSuchField();
}
