using System.CommandLine;
using System.CommandLine.Invocation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// The operator's command line, on System.CommandLine: <c>--help</c> for every verb, <c>--version</c>, and
/// suggestions for mistyped verbs and options. Exit codes: 0 success, 1 invalid input, 2 usage error or
/// unreadable input (README, "Verbs").
/// </summary>
internal static class Verbs
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, stdout, stderr, Console.In, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = Root(stdout, stderr, stdin);
        if (args is ["help", .. var rest])
        {
            args = [.. rest, "--help"];
        }

        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parsed.Errors.Count > 0)
        {
            if (parsed.Action is ParseErrorAction action)
            {
                action.ShowHelp = false;
                action.ShowTypoCorrections = true;
            }

            // Errors and the typo corrections System.CommandLine prints (to its Output) all go to stderr.
            await parsed.InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken);
            await stderr.WriteLineAsync($"Run '{parsed.CommandResult.Command.Name} --help' for usage.");
            return Usage;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    private static RootCommand Root(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var root = new RootCommand("""
            dataplatform-operator: turns DataPlatformEnvironment resources into AWS data platforms through Pulumi.
            Exit codes: 0 success, 1 invalid input, 2 usage error or unreadable input.
            """);
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr, stdin));
        root.Subcommands.Add(PlanCommand.Create(stdout, stderr, stdin));
        root.Subcommands.Add(GenerateCrdCommand.Create(stdout));
        root.Subcommands.Add(EngineCommand.Create(stdout, stderr));
        return root;
    }
}
