using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Model;
using DataPlatform.Stack.Program;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>Samples as entities, and programs written to YAML and parsed back the way the Pulumi CLI reads them.</summary>
internal static class ProgramFixtures
{
    public static V1Alpha1DataPlatformEnvironment Sample(string name) =>
        EnvironmentReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "samples", name))).Environment
            ?? throw new InvalidOperationException($"sample {name} does not read");

    public static string Yaml(V1Alpha1DataPlatformEnvironment environment) => PulumiYamlWriter.Project(StackProgramBuilder.Build(environment));

    public static JsonObject Written(V1Alpha1DataPlatformEnvironment environment) => Parse(Yaml(environment));

    public static JsonObject Parse(string yaml) => YamlJson.ParseAll(yaml).Single()!.AsObject();

    public static JsonObject Resources(JsonObject program) => program["resources"]!.AsObject();

    public static IEnumerable<(string Name, JsonObject Resource)> OfType(JsonObject program, string token) =>
        Resources(program).Where(r => (string?)r.Value!["type"] == token).Select(r => (r.Key, r.Value!.AsObject()));

    public static JsonObject Single(JsonObject program, string token) => OfType(program, token).Single().Resource;

    public static JsonObject Properties(JsonObject resource) => resource["properties"]!.AsObject();

    public static StackProgram Build(V1Alpha1DataPlatformEnvironment environment) => StackProgramBuilder.Build(environment);
}
