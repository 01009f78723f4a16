using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DataPlatform.Entities;

namespace DataPlatform.Stack.Input;

/// <summary>
/// Reads DataPlatformEnvironment manifests (YAML or JSON) strictly, within <see cref="InputLimits"/>: the structure is
/// checked against the entity types first (<see cref="ShapeChecker"/>: unknown fields with "did you mean", types,
/// enums, integer sizes), then the entity is deserialised; defaults come from the entity types, the same values the
/// CRD's schema defaults hold. <see cref="NameProblems"/> holds the API server's name rules, which <c>validate</c> and
/// <c>plan</c> apply with the CRD's schema before the pre-flight rules.
/// </summary>
public static partial class EnvironmentReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = InputLimits.MaxDepth * 2,
    };

    public static JsonSerializerOptions SerializerOptions => Options;

    /// <summary>A file that must hold exactly one document, a DataPlatformEnvironment.</summary>
    public static EnvironmentReadResult Read(string text)
    {
        IReadOnlyList<YamlJsonDocument> documents;
        try
        {
            documents = YamlJson.ParseDocuments(text);
        }
        catch (InputException e)
        {
            return EnvironmentReadResult.Fail("(document)", "input.yaml", e.Describe());
        }

        return documents.Count switch
        {
            0 => EnvironmentReadResult.Fail("(document)", "input.empty", "the file is empty; expected one DataPlatformEnvironment."),
            > 1 => EnvironmentReadResult.Fail("(document)", "input.documents", $"the file holds {documents.Count} documents; expected exactly one DataPlatformEnvironment."),
            _ => ReadDocument(documents[0].Root),
        };
    }

    /// <summary>
    /// Every document of a stream (kustomize output, a multi-document file): DataPlatformEnvironments are read, the
    /// others are listed with a null result so callers can count them as skipped.
    /// </summary>
    public static IReadOnlyList<ManifestDocument> ReadStream(string text)
    {
        var documents = YamlJson.ParseDocuments(text);
        var results = new List<ManifestDocument>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var root = documents[i].Root as JsonObject;
            var apiVersion = StringAt(root, "apiVersion");
            var kind = StringAt(root, "kind");
            var name = StringAt(root?["metadata"] as JsonObject, "name");
            var isEnvironment = root is null || kind == V1Alpha1DataPlatformEnvironment.KindName
                || (apiVersion?.StartsWith(V1Alpha1DataPlatformEnvironment.GroupName + "/", StringComparison.Ordinal) ?? false);
            results.Add(new ManifestDocument(i, documents[i], $"{apiVersion ?? "(no apiVersion)"}/{kind ?? "(no kind)"}", name,
                isEnvironment ? ReadDocument(documents[i].Root) : null));
        }

        return results;
    }

    public static EnvironmentReadResult ReadDocument(JsonNode? document)
    {
        if (document is not JsonObject root)
        {
            return EnvironmentReadResult.Fail("(document)", "input.shape", "the document is not a mapping; expected a DataPlatformEnvironment object.");
        }

        var apiVersion = StringAt(root, "apiVersion");
        var kind = StringAt(root, "kind");
        if (apiVersion != V1Alpha1DataPlatformEnvironment.ApiVersionString || kind != V1Alpha1DataPlatformEnvironment.KindName)
        {
            return EnvironmentReadResult.Fail("apiVersion", "input.kind",
                $"apiVersion/kind is {MessageText.Quote($"{apiVersion ?? "(none)"}/{kind ?? "(none)"}")}; expected '{V1Alpha1DataPlatformEnvironment.ApiVersionString}/{V1Alpha1DataPlatformEnvironment.KindName}'.");
        }

        if (root["spec"] is not JsonObject)
        {
            return EnvironmentReadResult.Fail("spec", "schema.required", "required; the environment needs at least spec.region.");
        }

        Prune(root);
        var problems = ShapeChecker.Check(root, typeof(V1Alpha1DataPlatformEnvironment));
        if (problems.Count > 0)
        {
            return EnvironmentReadResult.Fail(problems);
        }

        try
        {
            var entity = root.Deserialize<V1Alpha1DataPlatformEnvironment>(Options)
                ?? throw new JsonException("the document is null.");
            return EnvironmentReadResult.Ok(entity, root);
        }
        catch (JsonException e)
        {
            // The shape check should have caught it; the serializer's own text names .NET types, so it is not shown.
            var path = (e.Path ?? "").TrimStart('$', '.');
            return EnvironmentReadResult.Fail(path.Length == 0 ? "(document)" : path, "schema.type", "the value does not fit this field.");
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

    /// <summary>
    /// The API server's name rules, checked before any path or resource name is built from them: a DNS-1123
    /// subdomain for the name, a DNS-1123 label for the namespace.
    /// </summary>
    public static IEnumerable<InputProblem> NameProblems(JsonObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (StringAt(root["metadata"] as JsonObject, "name") is { } name && (name.Length > 253 || !Subdomain().IsMatch(name)))
        {
            yield return new InputProblem("metadata.name", "metadata.name",
                $"{MessageText.Quote(name)} is not a valid name: at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit.");
        }

        if (StringAt(root["metadata"] as JsonObject, "namespace") is { } ns && (ns.Length > 63 || !Label().IsMatch(ns)))
        {
            yield return new InputProblem("metadata.namespace", "metadata.namespace",
                $"{MessageText.Quote(ns)} is not a valid namespace: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit.");
        }
    }

    private static string? StringAt(JsonObject? obj, string key) =>
        obj?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();
}
