using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DataPlatform.Entities;
using YamlDotNet.Core;

namespace DataPlatform.Stack.Input;

/// <summary>
/// Reads a DataPlatformEnvironment manifest (YAML or JSON) strictly: unknown fields, wrong types, a missing spec,
/// another kind or more than one document are errors that name the field. Defaults come from the entity types,
/// the same values the CRD's schema defaults hold.
/// </summary>
public static class EnvironmentReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonSerializerOptions SerializerOptions => Options;

    public static EnvironmentReadResult Read(string text)
    {
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = YamlJson.ParseAll(text);
        }
        catch (YamlException e)
        {
            return EnvironmentReadResult.Fail($"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }

        if (documents.Count == 0)
        {
            return EnvironmentReadResult.Fail("the file is empty; expected one DataPlatformEnvironment.");
        }

        if (documents.Count > 1)
        {
            return EnvironmentReadResult.Fail($"the file holds {documents.Count} documents; expected exactly one DataPlatformEnvironment.");
        }

        if (documents[0] is not JsonObject root)
        {
            return EnvironmentReadResult.Fail("the document is not a mapping; expected a DataPlatformEnvironment object.");
        }

        var apiVersion = (root["apiVersion"] as JsonValue)?.TryGetValue<string>(out var av) == true ? av : null;
        var kind = (root["kind"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;
        if (apiVersion != V1Alpha1DataPlatformEnvironment.ApiVersionString || kind != V1Alpha1DataPlatformEnvironment.KindName)
        {
            return EnvironmentReadResult.Fail(
                $"apiVersion/kind is '{apiVersion ?? "(none)"}/{kind ?? "(none)"}'; expected '{V1Alpha1DataPlatformEnvironment.ApiVersionString}/{V1Alpha1DataPlatformEnvironment.KindName}'.");
        }

        if (root["spec"] is not JsonObject)
        {
            return EnvironmentReadResult.Fail("spec: required; the environment needs at least spec.region.");
        }

        Prune(root);
        try
        {
            var entity = root.Deserialize<V1Alpha1DataPlatformEnvironment>(Options)
                ?? throw new JsonException("the document is null.");
            return EnvironmentReadResult.Ok(entity);
        }
        catch (JsonException e)
        {
            return EnvironmentReadResult.Fail(Describe(e));
        }
    }

    /// <summary>Drops explicit nulls, as the API server prunes them before defaulting.</summary>
    public static void Prune(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, value) in obj)
            {
                Prune(value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Prune(item);
            }
        }
    }

    private static string Describe(JsonException e)
    {
        var path = (e.Path ?? "").TrimStart('$', '.');
        var detail = e.Message;
        if (detail.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"{path}: unknown field; check the spelling against `kubectl explain dataplatformenvironment.spec`.";
        }

        var cut = detail.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            detail = detail[..cut];
        }

        return $"{(path.Length == 0 ? "(document)" : path)}: wrong type or value ({detail})";
    }
}
