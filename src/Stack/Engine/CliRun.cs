namespace DataPlatform.Stack.Engine;

/// <summary>What one CLI invocation left: exit code, stdout, stderr, and whether it was interrupted.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, bool Interrupted)
{
    public bool Ok => ExitCode == 0 && !Interrupted;
}
