using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>
/// Checks a written Pulumi.yaml (parsed back from its text) against the provider schemas: every type token exists
/// and is not deprecated, every property is an input of its token (nested types too), required inputs are
/// present, value kinds match, secret inputs are passed through fn::secret, every ${...} names a resource, a
/// variable or a real output property, and every invoke names a real function with real arguments and return.
/// </summary>
internal sealed partial class ProgramSchemaChecker(ProviderSchema schema)
{
    private readonly List<string> _problems = [];
    private JsonObject _resources = new();
    private JsonObject _variables = new();

    public IReadOnlyList<string> Check(JsonObject program)
    {
        _problems.Clear();
        _resources = program["resources"] as JsonObject ?? new JsonObject();
        _variables = program["variables"] as JsonObject ?? new JsonObject();
        if ((string?)program["runtime"] != "yaml")
        {
            _problems.Add("runtime: must be yaml");
        }

        foreach (var (name, value) in _variables)
        {
            CheckValue(value, null, $"variables.{name}");
        }

        foreach (var (name, node) in _resources)
        {
            CheckResource(name, node!.AsObject());
        }

        foreach (var (name, value) in program["outputs"] as JsonObject ?? new JsonObject())
        {
            CheckValue(value, null, $"outputs.{name}");
        }

        return _problems.ToList();
    }

    private void CheckResource(string name, JsonObject resource)
    {
        var token = (string?)resource["type"] ?? "";
        var path = $"resources.{name}";
        if (schema.Resources[token] is not JsonObject definition)
        {
            _problems.Add($"{path}: type token '{token}' is not in the provider schema");
            return;
        }

        if (definition["deprecationMessage"] is not null)
        {
            _problems.Add($"{path}: type token '{token}' is deprecated: {definition["deprecationMessage"]}");
        }

        var inputs = definition["inputProperties"] as JsonObject ?? new JsonObject();
        var properties = resource["properties"] as JsonObject ?? new JsonObject();
        CheckObject(properties, inputs, definition["requiredInputs"] as JsonArray, $"{path}.properties");

        if (resource["options"] is JsonObject options)
        {
            foreach (var dependency in options["dependsOn"] as JsonArray ?? [])
            {
                CheckReferences((string?)dependency ?? "", $"{path}.options.dependsOn", resourceOnly: true);
            }

            var outputs = definition["properties"] as JsonObject ?? new JsonObject();
            foreach (var secretOutput in options["additionalSecretOutputs"] as JsonArray ?? [])
            {
                if (!outputs.ContainsKey((string)secretOutput!))
                {
                    _problems.Add($"{path}.options.additionalSecretOutputs: '{secretOutput}' is not an output of {token}");
                }
            }
        }
    }

    private void CheckObject(JsonObject values, JsonObject properties, JsonArray? required, string path)
    {
        foreach (var requiredName in required ?? [])
        {
            if (!values.ContainsKey((string)requiredName!))
            {
                _problems.Add($"{path}: required input '{requiredName}' is missing");
            }
        }

        foreach (var (key, value) in values)
        {
            if (properties[key] is not JsonObject property)
            {
                _problems.Add($"{path}.{key}: not an input property");
                continue;
            }

            if (property["secret"]?.GetValue<bool>() == true && !IsSecret(value))
            {
                _problems.Add($"{path}.{key}: secret input must be passed with fn::secret");
            }

            CheckValue(value, property, $"{path}.{key}");
        }
    }

    private void CheckValue(JsonNode? value, JsonObject? property, string path)
    {
        if (value is JsonObject fn && fn.Count == 1 && fn.First().Key.StartsWith("fn::", StringComparison.Ordinal))
        {
            CheckFunction(fn.First().Key, fn.First().Value, property, path);
            return;
        }

        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text) && Interpolation().IsMatch(text))
        {
            CheckReferences(text, path, resourceOnly: false);
            if (property is not null && Interpolation().Match(text).Value != text && Kind(property) is not ("string" or "any"))
            {
                _problems.Add($"{path}: text with interpolations is a string, the input is {Kind(property)}");
            }

            return;
        }

        if (property is null)
        {
            Walk(value, path);
            return;
        }

        var kind = Kind(property);
        switch (kind)
        {
            case "string" when value is JsonValue v && v.TryGetValue<string>(out _):
            case "boolean" when value is JsonValue b && b.TryGetValue<bool>(out _):
            case "integer" when value is JsonValue i && i.TryGetValue<long>(out _):
            case "number" when value is JsonValue n && (n.TryGetValue<double>(out _) || n.TryGetValue<long>(out _)):
            case "any":
                Walk(value, path);
                return;
            case "array" when value is JsonArray array:
                var items = Resolve(property["items"]!.AsObject());
                for (var index = 0; index < array.Count; index++)
                {
                    CheckValue(array[index], items, $"{path}[{index}]");
                }

                return;
            case "map" when value is JsonObject map:
                var element = Resolve(property["additionalProperties"]!.AsObject());
                foreach (var (key, item) in map)
                {
                    CheckValue(item, element, $"{path}.{key}");
                }

                return;
            case "object" when value is JsonObject obj:
                var type = Resolve(property);
                CheckObject(obj, type["properties"] as JsonObject ?? new JsonObject(), type["required"] as JsonArray, path);
                return;
            default:
                _problems.Add($"{path}: value {value?.ToJsonString() ?? "null"} does not match the input kind {kind}");
                return;
        }
    }

    private void CheckFunction(string name, JsonNode? argument, JsonObject? property, string path)
    {
        switch (name)
        {
            case "fn::secret":
                CheckValue(argument, property, path);
                return;
            case "fn::toJSON":
                if (property is not null && Kind(property) is not ("string" or "any"))
                {
                    _problems.Add($"{path}: fn::toJSON gives a string, the input is {Kind(property)}");
                }

                Walk(argument, path);
                return;
            case "fn::invoke":
                var invoke = argument as JsonObject ?? new JsonObject();
                var token = (string?)invoke["function"] ?? "";
                if (schema.Functions[token] is not JsonObject function)
                {
                    _problems.Add($"{path}: function '{token}' is not in the provider schema");
                    return;
                }

                var inputs = function["inputs"]?["properties"] as JsonObject ?? new JsonObject();
                CheckObject(invoke["arguments"] as JsonObject ?? new JsonObject(), inputs, function["inputs"]?["required"] as JsonArray, $"{path}.arguments");
                if ((string?)invoke["return"] is { } field && function["outputs"]?["properties"]?[field] is null)
                {
                    _problems.Add($"{path}: '{field}' is not an output of {token}");
                }

                return;
            default:
                _problems.Add($"{path}: unexpected built-in function {name}");
                return;
        }
    }

    private void Walk(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj.First().Key.StartsWith("fn::", StringComparison.Ordinal):
                CheckFunction(obj.First().Key, obj.First().Value, null, path);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, $"{path}.{key}");
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]");
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                CheckReferences(text, path, resourceOnly: false);
                break;
            default:
                break;
        }
    }

    private void CheckReferences(string text, string path, bool resourceOnly)
    {
        foreach (Match match in Reference().Matches(text))
        {
            var root = match.Groups["root"].Value;
            var property = match.Groups["prop"].Success ? match.Groups["prop"].Value : null;
            if (_resources[root] is JsonObject resource)
            {
                if (property is null or "id" or "urn")
                {
                    continue;
                }

                var outputs = schema.Resources[(string?)resource["type"] ?? ""]?["properties"] as JsonObject;
                if (outputs is not null && !outputs.ContainsKey(property))
                {
                    _problems.Add($"{path}: '{property}' is not an output property of {root} ({resource["type"]})");
                }
            }
            else if (!resourceOnly && _variables[root] is JsonNode variable)
            {
                var invoke = variable["fn::invoke"];
                if (property is not null && invoke is not null && invoke["return"] is null)
                {
                    var outputs = schema.Functions[(string?)invoke["function"] ?? ""]?["outputs"]?["properties"] as JsonObject;
                    if (outputs is not null && !outputs.ContainsKey(property))
                    {
                        _problems.Add($"{path}: '{property}' is not an output of the function behind variable {root}");
                    }
                }
            }
            else if (resourceOnly || root != "pulumi")
            {
                _problems.Add($"{path}: ${{{root}}} names no {(resourceOnly ? "resource" : "resource or variable")}");
            }
        }
    }

    private static bool IsSecret(JsonNode? value) => value is JsonObject obj && obj.ContainsKey("fn::secret");

    private JsonObject Resolve(JsonObject property)
    {
        if ((string?)property["$ref"] is { } reference && reference.StartsWith("#/types/", StringComparison.Ordinal))
        {
            return schema.Types[Uri.UnescapeDataString(reference["#/types/".Length..])] as JsonObject
                ?? throw new InvalidOperationException($"schema type {reference} is missing");
        }

        return property;
    }

    private string Kind(JsonObject property)
    {
        if ((string?)property["$ref"] is { } reference)
        {
            if (reference.StartsWith("#/resources/", StringComparison.Ordinal) || reference == "pulumi.json#/Any")
            {
                return reference == "pulumi.json#/Any" ? "any" : "string";
            }

            if (reference.StartsWith("pulumi.json#/", StringComparison.Ordinal))
            {
                return "any";
            }

            var typeName = Uri.UnescapeDataString(reference.Replace("#/types/", "", StringComparison.Ordinal));
            if (schema.Types[typeName] is null && schema.Resources[typeName] is not null)
            {
                // A string-typed reference to a resource token: an ARN or name, or the resource itself.
                return "string";
            }

            var type = Resolve(property);
            return type["enum"] is not null ? (string?)type["type"] ?? "string" : "object";
        }

        var kind = (string?)property["type"] ?? "any";
        return kind == "object" && property["additionalProperties"] is not null ? "map" : kind;
    }

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\$\{(?<root>[A-Za-z0-9_-]+)(?:\[[0-9]+\])?(?:\.(?<prop>[A-Za-z0-9_]+))?[^}]*\}")]
    private static partial Regex Reference();
}
