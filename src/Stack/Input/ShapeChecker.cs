using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Input;

/// <summary>
/// Checks the structure of a manifest against the entity types before it is deserialised: unknown fields (with
/// "did you mean"), types, enum values and integer sizes, which the API server's schema checks too. Every problem
/// is reported, each naming the field and the allowed values in the manifest's words, never a .NET type. The
/// schema's value rules (patterns, ranges, lengths, CEL) are the CRD validator's, applied after reading.
/// </summary>
public static class ShapeChecker
{
    public const int MaxProblems = 20;

    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> PropertyCache = new();

    public static IReadOnlyList<InputProblem> Check(JsonNode? node, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var problems = new List<InputProblem>();
        Walk(node, type, "", null, problems);
        return problems;
    }

    private static void Walk(JsonNode? node, Type type, string path, PropertyInfo? property, List<InputProblem> problems)
    {

        if (problems.Count >= MaxProblems || node is null)
        {
            return;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var field = path.Length == 0 ? "(document)" : path;
        if (type == typeof(string))
        {
            if (!IsString(node, out _))
            {
                problems.Add(new(field, "schema.type", $"expected a string; got {Describe(node)}. Quote values such as \"16\" or \"true\"."));
            }
        }
        else if (type == typeof(bool))
        {
            if (node is not JsonValue v || v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add(new(field, "schema.type", $"expected true or false; got {Describe(node)}."));
            }
        }
        else if (type.IsEnum)
        {
            var allowed = EnumNames(type);
            if (!IsString(node, out var text) || !allowed.Contains(text, StringComparer.Ordinal))
            {
                var typed = IsString(node, out var t) ? t : null;
                problems.Add(new(field, "schema.enum", $"expected one of {string.Join(", ", allowed)}; got {Describe(node)}.{(typed is null ? "" : Suggestions.DidYouMean(typed, allowed))}"));
            }
        }
        else if (IntegerRange(type) is { } range)
        {
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !IsWhole(v, out var whole))
            {
                problems.Add(new(field, "schema.type", $"expected an integer; got {Describe(node)}."));
                return;
            }

            var (min, max) = Bounds(property) ?? (range.Min, range.Max);
            if (whole < range.Min || whole > range.Max)
            {
                problems.Add(new(field, "schema.range", $"{MessageText.Escape(node.ToJsonString())} is out of range; allowed: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}."));
            }
        }
        else if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
            {
                problems.Add(new(field, "schema.type", $"expected a number; got {Describe(node)}."));
            }
        }
        else if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            if (!IsString(node, out var text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            {
                problems.Add(new(field, "schema.type", $"expected a timestamp such as 2026-01-31T09:00:00Z; got {Describe(node)}."));
            }
        }
        else if (DictionaryValueType(type) is { } valueType)
        {
            if (node is not JsonObject map)
            {
                problems.Add(new(field, "schema.type", $"expected a map of {Noun(valueType)}; got {Describe(node)}."));
                return;
            }

            foreach (var (key, value) in map)
            {
                Walk(value, valueType, $"{path}.{MessageText.Escape(key)}", null, problems);
            }
        }
        else if (ListItemType(type) is { } itemType)
        {
            if (node is not JsonArray list)
            {
                problems.Add(new(field, "schema.type", $"expected a list of {Noun(itemType)}; got {Describe(node)}."));
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                Walk(list[i], itemType, $"{path}[{i}]", null, problems);
            }
        }
        else if (IsObjectType(type))
        {
            WalkObject(node, type, path, field, problems);
        }
    }

    private static void WalkObject(JsonNode node, Type type, string path, string field, List<InputProblem> problems)
    {
        if (node is not JsonObject obj)
        {
            problems.Add(new(field, "schema.type", $"expected a map of fields; got {Describe(node)}."));
            return;
        }

        var properties = Properties(type);
        foreach (var (key, value) in obj)
        {
            var child = path.Length == 0 ? MessageText.Escape(key) : $"{path}.{MessageText.Escape(key)}";
            if (!properties.TryGetValue(key, out var property))
            {
                problems.Add(new(child, "schema.unknownField",
                    $"unknown field.{Suggestions.DidYouMean(key, properties.Keys)} Fields here: {string.Join(", ", properties.Keys)}."));
                continue;
            }

            Walk(value, property.PropertyType, child, property, problems);
        }
    }

    private static (long Min, long Max)? IntegerRange(Type type) =>
        type == typeof(int) ? (int.MinValue, int.MaxValue)
        : type == typeof(long) ? (long.MinValue, long.MaxValue)
        : type == typeof(short) ? (short.MinValue, short.MaxValue)
        : type == typeof(byte) ? (byte.MinValue, byte.MaxValue)
        : null;

    private static (double Min, double Max)? Bounds(PropertyInfo? property) =>
        property?.GetCustomAttribute<RangeAttribute>() is { } range
            ? (Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture))
            : null;

    private static bool IsWhole(JsonValue value, out long whole)
    {
        if (value.TryGetValue(out whole))
        {
            return true;
        }

        var number = ToDouble(value);
        if (Math.Floor(number) != number)
        {
            return false;
        }

        whole = number >= long.MaxValue ? long.MaxValue : number <= long.MinValue ? long.MinValue : (long)number;
        return true;
    }

    private static double ToDouble(JsonValue value) =>
        value.TryGetValue<long>(out var l) ? l
        : value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<int>(out var i) ? i
        : value.GetValue<JsonElement>().GetDouble();

    private static bool IsString(JsonNode node, out string text)
    {
        text = "";
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            text = v.GetValue<string>();
            return true;
        }

        return false;
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "a map",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "the string " + MessageText.Quote(v.GetValue<string>()),
            JsonValueKind.Number => "the number " + MessageText.Escape(v.ToJsonString()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "a value",
        },
        _ => "a value",
    };

    private static string Noun(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "strings"
            : type == typeof(bool) ? "true/false values"
            : type.IsEnum ? $"values ({string.Join(", ", EnumNames(type))})"
            : IntegerRange(type) is not null ? "integers"
            : type == typeof(double) ? "numbers"
            : "maps of fields";
    }

    private static List<string> EnumNames(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
        .ToList();

    private static Type? DictionaryValueType(Type type) => type.IsGenericType && type.GetGenericArguments() is [var key, var value]
        && key == typeof(string) && typeof(System.Collections.IDictionary).IsAssignableFrom(type) ? value : null;

    private static Type? ListItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? item
        : null;

    private static bool IsObjectType(Type type) => type.IsClass && type != typeof(object) && !typeof(JsonNode).IsAssignableFrom(type)
        && type.GetCustomAttribute<JsonConverterAttribute>() is null && type.GetProperties().Length > 0;

    private static IReadOnlyDictionary<string, PropertyInfo> Properties(Type type) => PropertyCache.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && (p.SetMethod?.IsPublic == true || p.GetCustomAttribute<JsonIncludeAttribute>() is not null))
        .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, StringComparer.Ordinal));
}
