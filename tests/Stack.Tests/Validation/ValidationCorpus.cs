using System.Text.Json.Nodes;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Validation;

/// <summary>
/// The labelled corpus in corpus.json: invalid specs with the field and rule the validator must report and where
/// the CRD schema also catches them (openapi: pattern/enum/bounds, cel: an x-kubernetes-validations rule, none:
/// only the validator), and valid edge cases at exact limits. Each case is a set of field paths over a base.
/// </summary>
internal static class ValidationCorpus
{
    private static readonly Lazy<JsonObject> LazyCorpus = new(() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("tests", "Stack.Tests", "Validation", "corpus.json")))!.AsObject());

    public static IEnumerable<JsonObject> Invalid => LazyCorpus.Value["invalid"]!.AsArray().Select(c => c!.AsObject());

    public static IEnumerable<JsonObject> Valid => LazyCorpus.Value["valid"]!.AsArray().Select(c => c!.AsObject());

    public static JsonObject Case(string name) =>
        Invalid.Concat(Valid).SingleOrDefault(c => (string?)c["name"] == name) ?? throw new KeyNotFoundException(name);

    /// <summary>The base manifest with the case's fields set, as JSON text (which is also YAML).</summary>
    public static string Manifest(string name)
    {
        var document = LazyCorpus.Value["base"]!.DeepClone().AsObject();
        foreach (var (path, value) in Case(name)["set"]!.AsObject())
        {
            var parts = path.Split('.');
            var node = document;
            foreach (var part in parts[..^1])
            {
                if (node[part] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[part] = child;
                }

                node = child;
            }

            node[parts[^1]] = value?.DeepClone();
        }

        return document.ToJsonString();
    }
}
