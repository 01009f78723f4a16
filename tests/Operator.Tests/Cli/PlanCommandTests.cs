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

    [Fact]
    public async Task Plan_of_a_change_names_the_database_replacement_and_the_property_forcing_it()
    {
        var (old, changed) = await ChangeAsync(("databaseName: analytics", "databaseName: reporting"), ("retentionHours: 48", "retentionHours: 72"));

        var (code, stdout, _) = await VerbRunner.RunAsync("plan", old, changed);

        Assert.Equal(0, code);
        Assert.Contains("database-cluster (Cluster) is replaced because databaseName changed", stdout, StringComparison.Ordinal);
        Assert.Matches(@"streaming\s+0\s+1\s+0\s+0", stdout);
        Assert.Contains("waits for approval of this plan (dataplatform.io/approve-plan)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_a_harmless_change_loses_nothing_and_needs_no_approval()
    {
        var (old, changed) = await ChangeAsync(("retentionHours: 48", "retentionHours: 72"));

        var (code, stdout, _) = await VerbRunner.RunAsync("plan", old, changed);

        Assert.Equal(0, code);
        Assert.Contains("No stateful resource is replaced or deleted.", stdout, StringComparison.Ordinal);
        Assert.Contains("applies this without approval", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("database", stdout.Split("component")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_of_a_change_with_an_invalid_new_file_exits_1()
    {
        var (old, changed) = await ChangeAsync(("databaseName: analytics", "databaseName: 1nvalid-name!"));

        var (code, _, stderr) = await VerbRunner.RunAsync("plan", old, changed);

        Assert.Equal(1, code);
        Assert.Contains("spec.database.databaseName", stderr, StringComparison.Ordinal);
    }

    private async Task<(string Old, string New)> ChangeAsync(params (string From, string To)[] edits)
    {
        var text = File.ReadAllText(RepoPaths.InRepo("config", "samples", "full.yaml"));
        var old = Path.Combine(_dir, "old.yaml");
        var changed = Path.Combine(_dir, "new.yaml");
        await File.WriteAllTextAsync(old, text);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(changed, text);
        return (old, changed);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
