using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Cli;

public sealed class PlanCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("plan-test-").FullName;

    [Fact]
    public async Task Plan_of_the_embedded_sample_summarises_and_writes_a_project()
    {
        var (code, stdout, _) = await VerbRunner.RunAsync("plan", "--out", _dir);

        Assert.Equal(0, code);
        Assert.Contains("analytics-prod-db", stdout, StringComparison.Ordinal);
        Assert.Contains("resolved at deploy time", stdout, StringComparison.Ordinal);
        Assert.Contains("output databasePassword", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "Pulumi.yaml")));
        Assert.True(File.Exists(Path.Combine(_dir, "Pulumi.data-team.analytics-prod.yaml")));
    }

    [Fact]
    public async Task Plan_of_a_missing_file_exits_2()
    {
        var (code, _, stderr) = await VerbRunner.RunAsync("plan", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("cannot read the file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_a_malformed_file_exits_1_naming_the_field()
    {
        var file = Path.Combine(_dir, "bad.yaml");
        await File.WriteAllTextAsync(file, File.ReadAllText(RepoPaths.InRepo("config", "samples", "minimal.yaml")).Replace("region", "regoin", StringComparison.Ordinal));

        var (code, _, stderr) = await VerbRunner.RunAsync("plan", file);

        Assert.Equal(1, code);
        Assert.Contains("spec.regoin", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_verb_exits_2_with_usage()
    {
        var (code, _, stderr) = await VerbRunner.RunAsync("deploy");

        Assert.Equal(2, code);
        Assert.Contains("'deploy'", stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for usage", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
