using System.Text.Json.Nodes;
using DataPlatform.TestSupport;
using Json.Schema;
using static DataPlatform.Operator.Tests.Cli.VerbRunner;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary><c>validate --output sarif</c> against the SARIF 2.1.0 JSON schema (sarif-2.1.0.NOTICE.md says where it comes from).</summary>
public sealed class SarifOutputTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cli", "sarif-2.1.0.json"))));

    private readonly string _dir = Directory.CreateTempSubdirectory("sarif-test-").FullName;

    [Fact]
    public async Task Findings_validate_against_the_schema_and_point_at_the_line_of_the_field()
    {
        var minimal = File.ReadAllText(RepoPaths.InRepo("config", "samples", "minimal.yaml"));
        var bad = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(bad, minimal.Replace("spec: {region: eu-west-1}", "spec:\n  region: eu-west-1\n  database:\n    masterUsername: admin\n", StringComparison.Ordinal));

        var (code, stdout, _) = await RunAsync("validate", "--output", "sarif", bad, RepoPaths.InRepo("config", "samples", "full.yaml"), Path.Combine(_dir, "missing.yaml"));

        Assert.Equal(2, code);
        var sarif = JsonNode.Parse(stdout)!;
        AssertValid(sarif);
        var run = sarif["runs"]![0]!;
        var result = run["results"]!.AsArray().Single(r => (string?)r!["ruleId"] == "rds.masterUsername.reserved.admin")!;
        Assert.Equal("error", (string?)result["level"]);
        var location = result["locations"]![0]!["physicalLocation"]!;
        Assert.EndsWith("bad.yaml", (string?)location["artifactLocation"]!["uri"], StringComparison.Ordinal);
        var expectedLine = File.ReadAllLines(bad).ToList().FindIndex(l => l.Contains("masterUsername", StringComparison.Ordinal)) + 1;
        Assert.Equal(expectedLine, (int)location["region"]!["startLine"]!);
        Assert.Contains(run["tool"]!["driver"]!["rules"]!.AsArray(), r => (string?)r!["id"] == "rds.masterUsername.reserved.admin");
        Assert.Contains("missing.yaml", (string?)run["invocations"]![0]!["toolExecutionNotifications"]![0]!["message"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_errors_and_yaml_errors_are_results_too()
    {
        var file = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(file, "apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {name: x}\nspec: {region: eu-west-1, netwrk: {}}\n---\nkey: [unclosed\n");

        var (code, stdout, _) = await RunAsync("validate", "-o", "sarif", file);

        Assert.Equal(1, code);
        var sarif = JsonNode.Parse(stdout)!;
        AssertValid(sarif);
        Assert.Contains(sarif["runs"]![0]!["results"]!.AsArray(), r => (string?)r!["ruleId"] == "input.yaml");
    }

    [Fact]
    public void The_schema_rejects_what_is_not_sarif()
    {
        var results = Schema.Value.Evaluate(JsonNode.Parse("""{"version": "2.1.0", "runs": [{"results": [{"level": "fatal"}]}]}"""));

        Assert.False(results.IsValid);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertValid(JsonNode sarif)
    {
        var results = Schema.Value.Evaluate(sarif, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(results.IsValid, "SARIF does not match the 2.1.0 schema:\n" + string.Join("\n", errors));
    }
}
