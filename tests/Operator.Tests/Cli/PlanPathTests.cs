using DataPlatform.TestSupport;
using static DataPlatform.Operator.Tests.Cli.VerbRunner;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary><c>plan</c> never writes outside --out: names from metadata are checked before any path is built.</summary>
public sealed class PlanPathTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("plan-path-").FullName;

    [Theory]
    [InlineData("name: ../../escape", "metadata.name")]
    [InlineData("name: a/b", "metadata.name")]
    [InlineData("name: ok, namespace: ../x", "metadata.namespace")]
    [InlineData("name: UPPER", "metadata.name")]
    public async Task A_name_that_could_leave_the_directory_is_refused_and_nothing_is_written(string metadata, string field)
    {
        var text = File.ReadAllText(RepoPaths.InRepo("config", "samples", "minimal.yaml"));
        var start = text.IndexOf("metadata:", StringComparison.Ordinal);
        var end = text.IndexOf('\n', start);
        var manifest = text[..start] + $"metadata: {{{metadata}}}" + text[end..];
        var outDir = Path.Combine(_dir, "out", "deeper");

        var (code, _, stderr) = await RunWithInputAsync(manifest, "plan", "-", "--out", outDir);

        Assert.Equal(1, code);
        Assert.Contains($"{field}: ", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Plan_reads_stdin_and_writes_only_into_out()
    {
        var outDir = Path.Combine(_dir, "out");

        var (code, stdout, stderr) = await RunWithInputAsync(File.ReadAllText(RepoPaths.InRepo("config", "samples", "minimal.yaml")), "plan", "-", "--out", outDir);

        Assert.True(code == 0, stderr);
        Assert.Contains("(stdin):", stdout, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(outDir).Length);
        Assert.Equal(Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Order(), Directory.GetFiles(outDir).Order());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
