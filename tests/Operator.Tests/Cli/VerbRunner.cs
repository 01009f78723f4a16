using DataPlatform.Operator.Cli;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary>Runs a verb in-process and captures its exit code and output.</summary>
internal static class VerbRunner
{
    public static Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public static async Task<(int Code, string Stdout, string Stderr)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = await Verbs.RunAsync(args, stdout, stderr, input, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
