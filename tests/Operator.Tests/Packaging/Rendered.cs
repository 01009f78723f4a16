using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;
using NJsonSchema;

namespace DataPlatform.Operator.Tests.Packaging;

/// <summary>Renders the chart and the kustomize layout with the real tools, and checks documents against the Kubernetes 1.33 schemas.</summary>
internal static class Rendered
{
    private static readonly Dictionary<string, JsonSchema> Schemas = [];

    public static Task<IReadOnlyList<JsonObject>> HelmAsync(params string[] values) => HelmAtAsync(RepoPaths.InRepo("charts", "dataplatform-operator"), values);

    /// <summary>helm template of any chart folder (release r1, namespace dataplatform); values as "key=value" or "--flag value".</summary>
    public static async Task<IReadOnlyList<JsonObject>> HelmAtAsync(string chart, params string[] values)
    {
        var args = new List<string> { "template", "r1", chart, "-n", "dataplatform" };
        foreach (var value in values)
        {
            args.AddRange(value.StartsWith("--", StringComparison.Ordinal) ? value.Split(' ', 2) : ["--set", value]);
        }

        return Parse(await RunAsync(Tool("helm"), args));
    }

    public static async Task<IReadOnlyList<JsonObject>> KustomizeAsync() =>
        Parse(await RunAsync(Tool("kubectl"), ["kustomize", RepoPaths.InRepo("config", "default")]));

    public static IReadOnlyList<string> SchemaErrors(JsonObject document)
    {
        var directory = RepoPaths.Reference("kubernetes", "schemas", "v1.33-standalone-strict");
        var key = $"{document["apiVersion"]}/{document["kind"]}";
        JsonSchema? schema;
        lock (Schemas)
        {
            if (!Schemas.TryGetValue(key, out schema))
            {
                var index = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "index.json")))!;
                schema = index[key] is JsonValue file ? JsonSchema.FromFileAsync(Path.Combine(directory, (string)file!)).GetAwaiter().GetResult() : null;
                Schemas[key] = schema!;
            }
        }

        return schema is null ? [] : schema.Validate(document.ToJsonString()).Select(e => $"{key} {document["metadata"]?["name"]}: {e}").ToList();
    }

    public static bool HasSchema(JsonObject document)
    {
        var index = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("kubernetes", "schemas", "v1.33-standalone-strict", "index.json")))!;
        return index[$"{document["apiVersion"]}/{document["kind"]}"] is not null;
    }

    private static List<JsonObject> Parse(string yaml) => YamlJson.ParseAll(yaml).OfType<JsonObject>().ToList();

    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> args)
    {
        var home = Path.Combine(Path.GetTempPath(), "dataplatform-helm-home");
        var result = await CliWrap.Cli.Wrap(tool).WithArguments(args)
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["HELM_CACHE_HOME"] = Path.Combine(home, "cache"),
                ["HELM_CONFIG_HOME"] = Path.Combine(home, "config"),
                ["HELM_DATA_HOME"] = Path.Combine(home, "data"),
            })
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed: {result.StandardError}");
        return result.StandardOutput;
    }

    private static string Tool(string name)
    {
        var local = RepoPaths.InRepo(".tools", name, name);
        if (File.Exists(local))
        {
            return local;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        return onPath ?? throw new FileNotFoundException($"{name} is not installed; run scripts/install-tools.sh (scripts/test.sh does it).");
    }
}
