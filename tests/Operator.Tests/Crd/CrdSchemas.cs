using System.Text.Json.Nodes;
using DataPlatform.Operator.Crd;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;
using NJsonSchema;

namespace DataPlatform.Operator.Tests.Crd;

/// <summary>Schemas the CRD tests check against: the Kubernetes 1.33 CRD schema, and the CRD's own openAPIV3Schema.</summary>
internal static class CrdSchemas
{
    private static readonly Lazy<JsonSchema> LazyKubernetesCrd = new(() => JsonSchema.FromFileAsync(
        RepoPaths.Reference("kubernetes", "schemas", "v1.33-standalone-strict", "customresourcedefinition-apiextensions-v1.json")).GetAwaiter().GetResult());

    private static readonly Lazy<JsonSchema> LazyEnvironment = new(() => EnvironmentSchemaOf(CheckedInCrd()));

    public static JsonSchema KubernetesCrd => LazyKubernetesCrd.Value;

    /// <summary>The checked-in CRD's openAPIV3Schema, made strict the way the API server's strict field validation is.</summary>
    public static JsonSchema Environment => LazyEnvironment.Value;

    public static string CheckedInCrdPath => RepoPaths.InRepo(CrdGenerator.RelativePath.Split('/'));

    public static JsonObject CheckedInCrd() => (JsonObject)YamlJson.ParseAll(File.ReadAllText(CheckedInCrdPath)).Single()!;

    public static JsonSchema EnvironmentSchemaOf(JsonObject crd)
    {
        var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.DeepClone();
        MakeStrict(schema);
        return JsonSchema.FromJsonAsync(schema.ToJsonString()).GetAwaiter().GetResult();
    }

    /// <summary>Validates one manifest (YAML) against a schema, after pruning nulls as the API server does.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string yaml)
    {
        var document = YamlJson.ParseAll(yaml).Single()!;
        EnvironmentReader.Prune(document);
        return schema.Validate(document.ToJsonString()).Select(e => e.ToString()).ToList();
    }

    private static void MakeStrict(JsonNode node)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["properties"] is JsonObject properties && !obj.ContainsKey("additionalProperties"))
        {
            // metadata is schemaless in a CRD; the API server validates it itself.
            if (!properties.ContainsKey("metadata") || properties.ContainsKey("spec"))
            {
                obj["additionalProperties"] = false;
            }
        }

        foreach (var (_, child) in obj.ToList())
        {
            switch (child)
            {
                case JsonObject o:
                    MakeStrict(o);
                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        if (item is not null)
                        {
                            MakeStrict(item);
                        }
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
