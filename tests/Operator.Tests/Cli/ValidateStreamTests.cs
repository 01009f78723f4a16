using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using DataPlatform.TestSupport;
using static DataPlatform.Operator.Tests.Cli.VerbRunner;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary><c>validate</c> as a GitOps CI step: stdin, multi-document streams, kustomize output and directories.</summary>
public sealed class ValidateStreamTests : IDisposable
{
    private const string Header = "apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("validate-stream-").FullName;

    [Fact]
    public async Task Kustomize_output_piped_to_stdin_validates_the_environments_and_skips_the_rest()
    {
        var samples = await KubectlAsync("kustomize", RepoPaths.InRepo("config", "samples"));
        var platform = await KubectlAsync("kustomize", RepoPaths.InRepo("config", "default"));
        var others = platform.Split("\n---\n").Length;

        var (code, stdout, stderr) = await RunWithInputAsync(samples + "---\n" + platform, "validate", "-");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("(stdin) document 1 (analytics-dev): valid", stdout, StringComparison.Ordinal);
        Assert.Contains("(analytics-prod): valid", stdout, StringComparison.Ordinal);
        Assert.Contains($"2 environments in 1 files: 2 valid, 0 invalid; {others} other documents skipped.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_is_searched_recursively()
    {
        var (code, stdout, stderr) = await RunAsync("validate", RepoPaths.InRepo("config"));

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("minimal.yaml: valid", stdout, StringComparison.Ordinal);
        Assert.Contains("full.yaml: valid", stdout, StringComparison.Ordinal);
        Assert.Matches(@"2 environments in \d+ files: 2 valid, 0 invalid; \d+ other documents skipped\.", stdout);
    }

    [Fact]
    public async Task One_bad_document_in_a_stream_makes_the_run_invalid_and_is_named()
    {
        var stream = $"{Header}metadata: {{name: good}}\nspec: {{region: eu-west-1}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c}}\n---\n"
            + $"{Header}metadata: {{name: bad}}\nspec: {{region: eu-west-1, netwrok: {{}}}}\n";
        var file = Path.Combine(_dir, "stream.yaml");
        File.WriteAllText(file, stream);

        var (code, stdout, _) = await RunAsync("validate", file, "--output", "json");

        Assert.Equal(1, code);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(1, (int)json["summary"]!["skipped"]!);
        Assert.Equal(2, (int)json["summary"]!["environments"]!);
        var bad = json["results"]!.AsArray().Single(r => (string?)r!["name"] == "bad")!;
        Assert.Equal(3, (int)bad["document"]!);
        var violation = bad["violations"]![0]!;
        Assert.Equal("spec.netwrok", (string?)violation["field"]);
        Assert.Equal("schema.unknownField", (string?)violation["rule"]);
        Assert.Contains("Did you mean 'network'?", (string?)violation["message"], StringComparison.Ordinal);
        Assert.Equal(13, (int)violation["line"]!);
    }

    [Fact]
    public async Task Empty_stdin_is_invalid_and_a_missing_path_is_exit_2()
    {
        Assert.Equal(1, (await RunWithInputAsync("", "validate", "-")).Code);
        var (code, _, stderr) = await RunAsync("validate", Path.Combine(_dir, "nope"));
        Assert.Equal(2, code);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<string> KubectlAsync(params string[] args)
    {
        var local = RepoPaths.InRepo(".tools", "kubectl", "kubectl");
        var result = await CliWrap.Cli.Wrap(File.Exists(local) ? local : "kubectl").WithArguments(args).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }
}
