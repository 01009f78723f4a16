using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// The OpenAPI v3 value checks kube-openapi runs for a custom resource, with the error types and wording
/// apiextensions turns them into (<c>validation.ValidateCustomResource</c>). With an old value
/// given (an UPDATE) and ratcheting on, a value equal to its old value is not checked: validation ratcheting.
/// </summary>
internal static class OpenApiValidation
{
    public static void Validate(JsonNode? value, SchemaNode schema, string path, JsonNode? old, bool ratchet, List<FieldCause> causes, bool isRoot = false)
    {
        if (ratchet && old is not null && JsonNode.DeepEquals(value, old))
        {
            return;
        }

        if (value is null)
        {
            if (!schema.Nullable && schema.Type is not null)
            {
                causes.Add(FieldCause.WrongType(path, null, $"{path} in body must be of type {schema.Type}: \"null\""));
            }

            return;
        }

        if (!TypeMatches(value, schema))
        {
            causes.Add(FieldCause.WrongType(path, value, $"{path} in body must be of type {schema.Type}: {FieldCause.Quote(FieldCause.JsonKind(value))}"));
            return;
        }

        if (schema.Enum is { } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            causes.Add(FieldCause.Unsupported(path, value, allowed));
        }

        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, old as JsonObject, ratchet, causes, isRoot);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, old as JsonArray, ratchet, causes);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                ValidateString(scalar.GetValue<string>(), schema, path, causes);
                break;
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                ValidateNumber(double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture), schema, path, causes);
                break;
            default:
                break;
        }
    }

    private static void ValidateObject(JsonObject obj, SchemaNode schema, string path, JsonObject? old, bool ratchet, List<FieldCause> causes, bool isRoot)
    {
        foreach (var name in schema.Required.Where(name => !obj.ContainsKey(name)))
        {
            causes.Add(FieldCause.RequiredValue(FieldPaths.Child(path, name)));
        }

        if (schema.Long("maxProperties") is { } maxProperties && obj.Count > maxProperties)
        {
            causes.Add(FieldCause.TooManyItems(path, obj.Count, maxProperties));
        }

        if (schema.Long("minProperties") is { } minProperties && obj.Count < minProperties)
        {
            causes.Add(FieldCause.InvalidValue(path, Count(obj.Count), $"{path} in body should have at least {minProperties} properties"));
        }

        foreach (var (name, child) in obj)
        {
            if (isRoot && name is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (schema.Properties.TryGetValue(name, out var property))
            {
                Validate(child, property, FieldPaths.Child(path, name), old?[name], ratchet, causes);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Validate(child, additional, FieldPaths.Key(path, name), old?[name], ratchet, causes);
            }
        }
    }

    private static void ValidateArray(JsonArray array, SchemaNode schema, string path, JsonArray? old, bool ratchet, List<FieldCause> causes)
    {
        if (schema.Long("maxItems") is { } maxItems && array.Count > maxItems)
        {
            causes.Add(FieldCause.TooManyItems(path, array.Count, maxItems));
        }

        if (schema.Long("minItems") is { } minItems && array.Count < minItems)
        {
            causes.Add(FieldCause.InvalidValue(path, Count(array.Count), $"{path} in body should have at least {minItems} items"));
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = FieldPaths.Index(path, i);
            if (schema.ListType is "set" or "map")
            {
                var key = schema.ListType == "map" ? MapKey(array[i], schema.ListMapKeys) : array[i];
                for (var j = 0; j < i; j++)
                {
                    var other = schema.ListType == "map" ? MapKey(array[j], schema.ListMapKeys) : array[j];
                    if (JsonNode.DeepEquals(key, other))
                    {
                        causes.Add(FieldCause.DuplicateValue(itemPath, key));
                        break;
                    }
                }
            }

            if (schema.Items is { } items)
            {
                Validate(array[i], items, itemPath, Correlate(array[i], schema, old), ratchet, causes);
            }
        }
    }

    /// <summary>The old element an element corresponds to: only map lists correlate, by their keys (as ratcheting does).</summary>
    internal static JsonNode? Correlate(JsonNode? item, SchemaNode schema, JsonArray? old)
    {
        if (old is null || schema.ListType != "map" || schema.ListMapKeys.Count == 0)
        {
            return null;
        }

        var key = MapKey(item, schema.ListMapKeys);
        return old.FirstOrDefault(o => JsonNode.DeepEquals(MapKey(o, schema.ListMapKeys), key));
    }

    private static JsonObject MapKey(JsonNode? item, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys)
        {
            key[name] = item?[name]?.DeepClone();
        }

        return key;
    }

    private static void ValidateString(string text, SchemaNode schema, string path, List<FieldCause> causes)
    {
        var length = text.EnumerateRunes().Count();
        if (schema.Long("maxLength") is { } maxLength && length > maxLength)
        {
            causes.Add(FieldCause.TooLongValue(path, maxLength));
        }

        if (schema.Long("minLength") is { } minLength && length < minLength)
        {
            causes.Add(FieldCause.InvalidValue(path, FieldCause.Quote(text), $"{path} in body should be at least {minLength} chars long"));
        }

        if (schema.Text("pattern") is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            causes.Add(FieldCause.InvalidValue(path, FieldCause.Quote(text), $"{path} in body should match '{pattern}'"));
        }

        if (schema.Text("format") == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            causes.Add(FieldCause.InvalidValue(path, FieldCause.Quote(text), $"{path} in body must be of type date-time: {FieldCause.Quote(text)}"));
        }
    }

    private static void ValidateNumber(double number, SchemaNode schema, string path, List<FieldCause> causes)
    {
        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (schema.Number("minimum") is { } minimum)
        {
            var exclusive = schema.Raw["exclusiveMinimum"] is JsonValue e && e.TryGetValue<bool>(out var b) && b;
            if (exclusive ? number <= minimum : number < minimum)
            {
                causes.Add(FieldCause.InvalidValue(path, shown, $"{path} in body should be greater than {(exclusive ? "" : "or equal to ")}{Num(minimum)}"));
            }
        }

        if (schema.Number("maximum") is { } maximum)
        {
            var exclusive = schema.Raw["exclusiveMaximum"] is JsonValue e && e.TryGetValue<bool>(out var b) && b;
            if (exclusive ? number >= maximum : number > maximum)
            {
                causes.Add(FieldCause.InvalidValue(path, shown, $"{path} in body should be less than {(exclusive ? "" : "or equal to ")}{Num(maximum)}"));
            }
        }

        if (schema.Number("multipleOf") is { } multipleOf && multipleOf > 0)
        {
            var quotient = number / multipleOf;
            if (Math.Abs(quotient - Math.Round(quotient)) > 1e-9)
            {
                causes.Add(FieldCause.InvalidValue(path, shown, $"{path} in body should be a multiple of {Num(multipleOf)}"));
            }
        }
    }

    private static bool TypeMatches(JsonNode value, SchemaNode schema)
    {
        var kind = value.GetValueKind();
        if (schema.IntOrString)
        {
            return kind == JsonValueKind.String || (kind == JsonValueKind.Number && IsInteger(value));
        }

        return schema.Type switch
        {
            null => true,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && IsInteger(value),
            _ => false,
        };
    }

    private static bool IsInteger(JsonNode value) =>
        value.AsValue().TryGetValue<long>(out _) || (value.AsValue().TryGetValue<double>(out var d) && d == Math.Floor(d) && !double.IsInfinity(d));

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
