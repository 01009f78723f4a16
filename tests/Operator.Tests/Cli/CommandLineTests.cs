using static DataPlatform.Operator.Tests.Cli.VerbRunner;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary>The command line on System.CommandLine: help per verb, version, suggestions, usage errors exit 2.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("validate", "--output")]
    [InlineData("plan", "--out")]
    [InlineData("run", "--kubeconfig")]
    [InlineData("generate-crd", "--out")]
    public async Task Every_verb_has_help(string verb, string option)
    {
        var (code, stdout, _) = await RunAsync(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains(verb, stdout, StringComparison.Ordinal);
        Assert.Contains(option, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_the_exit_codes()
    {
        var (code, stdout, _) = await RunAsync("--help");
        var (helpCode, helpVerb, _) = await RunAsync("help");

        Assert.Equal(0, code);
        Assert.Equal(0, helpCode);
        Assert.Equal(stdout, helpVerb);
        Assert.All(new[] { "run", "validate", "plan", "generate-crd", "Exit codes" }, v => Assert.Contains(v, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var (code, stdout, _) = await RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
    }

    [Theory]
    [InlineData(new[] { "valdate", "x.yaml" }, "validate")]
    [InlineData(new[] { "validate", "x.yaml", "--ouput", "json" }, "--output")]
    [InlineData(new[] { "plna" }, "plan")]
    public async Task A_mistyped_verb_or_option_gets_a_suggestion_and_exit_2(string[] args, string suggestion)
    {
        var (code, _, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("Did you mean", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(suggestion, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_output_format_lists_the_allowed_ones()
    {
        var (code, _, stderr) = await RunAsync("validate", "x.yaml", "--output", "xml");

        Assert.Equal(2, code);
        Assert.Contains("text", stderr, StringComparison.Ordinal);
        Assert.Contains("sarif", stderr, StringComparison.Ordinal);
    }
}
