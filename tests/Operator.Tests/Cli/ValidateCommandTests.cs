using System.Text.Json.Nodes;
using DataPlatform.TestSupport;
using static DataPlatform.Operator.Tests.Cli.VerbRunner;

namespace DataPlatform.Operator.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("validate-test-").FullName;

    private static string Minimal => RepoPaths.InRepo("config", "samples", "minimal.yaml");

    [Fact]
    public async Task Valid_files_exit_0_with_warnings_printed()
    {
        var (code, stdout, _) = await RunAsync("validate", Minimal, RepoPaths.InRepo("config", "samples", "full.yaml"));

        Assert.Equal(0, code);
        Assert.Contains($"{Minimal}: valid", stdout, StringComparison.Ordinal);
        Assert.Contains("warning aurora.serverlessV2.versionSupport", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_file_exits_1_with_one_line_per_violation_starting_with_file_and_field()
    {
        var bad = Write("bad.yaml", File.ReadAllText(Minimal).Replace("spec: {region: eu-west-1}",
            "spec: {region: eu-west-1, database: {masterUsername: admin}, logging: {retentionDays: 45}}", StringComparison.Ordinal));

        var (code, stdout, _) = await RunAsync("validate", Minimal, bad);

        Assert.Equal(1, code);
        Assert.Contains($"{bad}: spec.database.masterUsername: error rds.masterUsername.reserved.admin: ", stdout, StringComparison.Ordinal);
        Assert.Contains($"{bad}: spec.logging.retentionDays: error logs.logGroup.retention: ", stdout, StringComparison.Ordinal);
        Assert.Contains($"{Minimal}: valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_lists_files_validity_and_violations()
    {
        var bad = Write("bad.yaml", File.ReadAllText(Minimal).Replace("eu-west-1", "eu-west-9", StringComparison.Ordinal));

        var (code, stdout, _) = await RunAsync("validate", bad, Minimal, "--output", "json");

        Assert.Equal(1, code);
        var results = JsonNode.Parse(stdout)!["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal(bad, (string?)results[0]!["file"]);
        Assert.False((bool)results[0]!["valid"]!);
        var violation = results[0]!["violations"]!.AsArray().First(v => (string?)v!["severity"] == "error")!;
        Assert.Equal("spec.region", (string?)violation["field"]);
        Assert.Equal("region.known", (string?)violation["rule"]);
        Assert.False(string.IsNullOrEmpty((string?)violation["message"]));
        Assert.True((bool)results[1]!["valid"]!);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not: [yaml", "not valid YAML")]
    [InlineData("apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {name: x}\n", "spec: error schema.required: required")]
    [InlineData("apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {name: x}\nspec: {region: eu-west-1, network: {azCount: three}}\n", "spec.network.azCount")]
    [InlineData("apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {name: x}\nspec: {region: eu-west-1, databse: {}}\n", "spec.databse: error schema.unknownField: unknown field. Did you mean 'database'?")]
    public async Task Malformed_input_is_invalid_with_a_clear_line_not_a_crash(string text, string expected)
    {
        var file = Write("malformed.yaml", text);

        var (code, stdout, stderr) = await RunAsync("validate", file);

        Assert.Equal(1, code);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_file_exits_2()
    {
        var (code, _, stderr) = await RunAsync("validate", Path.Combine(_dir, "missing.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("cannot read the file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_file_is_a_usage_error()
    {
        Assert.Equal(2, (await RunAsync("validate")).Code);
        Assert.Equal(2, (await RunAsync("validate", Minimal, "--strict")).Code);
    }

    [Fact]
    public async Task Plan_refuses_an_invalid_spec_the_same_way()
    {
        var bad = Write("bad.yaml", File.ReadAllText(Minimal).Replace("spec: {region: eu-west-1}",
            "spec: {region: eu-west-1, database: {masterUsername: admin}}", StringComparison.Ordinal));

        var (code, stdout, stderr) = await RunAsync("plan", bad, "--out", Path.Combine(_dir, "out"));

        Assert.Equal(1, code);
        Assert.Contains("spec.database.masterUsername: error rds.masterUsername.reserved.admin", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Pulumi.yaml", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
