using System.IO.Compression;
using System.Text.Json.Nodes;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>
/// Every resource, function and object type of @pulumi/aws 7.48.0 (shared/reference/pulumi/aws-sdk-7.48.0.json.gz),
/// rewritten into the package-schema layout the checker reads: inputProperties/requiredInputs/properties per
/// resource, deprecationMessage, secret inputs, and object types under "sdk:inputs:&lt;name&gt;". The SDK has one
/// number kind, so numbers accept integers; a union of strings and resources is a string; any other union is "any".
/// </summary>
internal static class FullSdkSchema
{
    public const string TypePrefix = "sdk:inputs:";

    public static (JsonObject Resources, JsonObject Types, JsonObject Functions, string Version) Load()
    {
        using var file = File.OpenRead(RepoPaths.Reference("pulumi", "aws-sdk-7.48.0.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var sdk = JsonNode.Parse(gzip)!.AsObject();

        var resources = new JsonObject();
        foreach (var (token, node) in sdk["resources"]!.AsObject())
        {
            var resource = node!.AsObject();
            var secrets = (resource["secretInputs"] as JsonArray ?? []).Concat(resource["secretOutputs"] as JsonArray ?? [])
                .Select(s => (string)s!).ToHashSet(StringComparer.Ordinal);
            var converted = new JsonObject
            {
                ["inputProperties"] = Properties(resource["inputs"] as JsonObject, secrets),
                ["requiredInputs"] = Required(resource["inputs"] as JsonObject),
                ["properties"] = Properties(resource["outputs"] as JsonObject, secrets),
            };
            if ((string?)resource["deprecated"] is { Length: > 0 } deprecation)
            {
                converted["deprecationMessage"] = deprecation;
            }

            resources[token] = converted;
        }

        var types = new JsonObject();
        foreach (var (name, node) in sdk["types"]!["inputs"]!.AsObject())
        {
            types[TypePrefix + name] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = Properties(node as JsonObject, []),
                ["required"] = Required(node as JsonObject),
            };
        }

        var functions = new JsonObject();
        foreach (var (token, node) in sdk["functions"]!.AsObject())
        {
            functions[token] = new JsonObject
            {
                ["inputs"] = new JsonObject { ["properties"] = Properties(node!["args"] as JsonObject, []), ["required"] = Required(node["args"] as JsonObject) },
                ["outputs"] = new JsonObject { ["properties"] = Properties(node["result"] as JsonObject, []) },
            };
        }

        return (resources, types, functions, (string)sdk["source"]!["version"]!);
    }

    private static JsonObject Properties(JsonObject? members, HashSet<string> secrets)
    {
        var properties = new JsonObject();
        foreach (var (name, member) in members ?? [])
        {
            var property = Shape(member!["shape"]!.AsObject());
            if (secrets.Contains(name))
            {
                property["secret"] = true;
            }

            properties[name] = property;
        }

        return properties;
    }

    private static JsonArray Required(JsonObject? members) =>
        new((members ?? []).Where(m => m.Value?["required"]?.GetValue<bool>() == true).Select(m => (JsonNode)JsonValue.Create(m.Key)).ToArray());

    private static JsonObject Shape(JsonObject shape) => (string?)shape["kind"] switch
    {
        "string" or "enum" => new JsonObject { ["type"] = "string" },
        "number" => new JsonObject { ["type"] = "number" },
        "boolean" => new JsonObject { ["type"] = "boolean" },
        "array" => new JsonObject { ["type"] = "array", ["items"] = Shape(shape["items"]!.AsObject()) },
        "map" => new JsonObject { ["type"] = "object", ["additionalProperties"] = Shape(shape["values"]!.AsObject()) },
        "ref" when (string?)shape["side"] is null or "inputs" => new JsonObject { ["$ref"] = "#/types/" + TypePrefix + (string)shape["ref"]! },
        "union" when shape["of"]!.AsArray().All(o => (string?)o!["kind"] is "string" or "named" or "enum") => new JsonObject { ["type"] = "string" },
        _ => new JsonObject { ["$ref"] = "pulumi.json#/Any" },
    };
}
