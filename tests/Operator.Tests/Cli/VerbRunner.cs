using DataPlatform.Operator.Cli;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary>Runs a verb in-process and captures its exit code and output.</summary>
internal static class VerbRunner
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Verbs.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
