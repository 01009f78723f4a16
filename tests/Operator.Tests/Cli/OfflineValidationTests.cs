using System.Text.Json.Nodes;
using DataPlatform.Operator.Crd;
using DataPlatform.Operator.Crd.Validation;
using DataPlatform.TestSupport;
using static DataPlatform.Operator.Tests.Cli.VerbRunner;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary>validate applies the CRD's schema and CEL rules with the API server's validator, then the pre-flight rules.</summary>
public sealed class OfflineValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("offline-").FullName;

    [Theory]
    [InlineData("tags: {team: data}\n  stack: {retry: {baseDelaySeconds: 900, maxDelaySeconds: 30}}", "spec.stack.retry", "retry.baseDelaySeconds must not exceed retry.maxDelaySeconds.")]
    [InlineData("database: {serverless: {minCapacity: 8, maxCapacity: 2}}", "spec.database.serverless.minCapacity", "serverless.minCapacity must not exceed serverless.maxCapacity.")]
    [InlineData("region: Europe", "spec.region", "should match '^[a-z]{2}(-gov)?-[a-z]+-[0-9]$'")]
    public async Task Crd_rules_are_reported_as_the_api_server_reports_them(string spec, string field, string message)
    {
        var manifest = $"apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {{name: env, namespace: team}}\nspec:\n  region: eu-west-1\n  {spec}\n"
            .Replace("  region: eu-west-1\n  region: Europe", "  region: Europe", StringComparison.Ordinal);
        var file = Path.Combine(_dir, "env.yaml");
        File.WriteAllText(file, manifest);
        var server = CustomResourceSchema.Load(CrdGenerator.GenerateYaml()).Admit(JsonNode.Parse(Stack.Input.YamlJson.ParseAll(manifest).Single()!.ToJsonString())!);

        var (code, stdout, _) = await RunAsync("validate", file, "--output", "json");

        Assert.Equal(1, code);
        var violations = JsonNode.Parse(stdout)!["results"]![0]!["violations"]!.AsArray();
        var cause = Assert.Single(server.Causes, c => c.Field == field);
        Assert.Contains(message, cause.Message, StringComparison.Ordinal);
        Assert.Contains(violations, v => (string?)v!["field"] == field && (string?)v["message"] == cause.Message && ((string?)v["rule"])!.StartsWith("crd.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_samples_pass_the_crd_and_the_pre_flight_rules()
    {
        var (code, stdout, _) = await RunAsync("validate", RepoPaths.InRepo("config", "samples"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("crd.", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
