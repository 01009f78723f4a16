using System.CommandLine;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>validate PATH... [--output text|json|sarif]</c> for users' CI and GitOps checks: files, directories (searched
/// recursively) and <c>-</c> for standard input, each possibly a multi-document stream whose other documents are
/// skipped and counted. Exit 0 when every environment is valid (warnings allowed), 1 when any is not, 2 when a path
/// cannot be read or the arguments are wrong.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, directories (searched recursively for *.yaml, *.yml, *.json) or - for standard input; other kinds of document are skipped.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "text (one line per finding), json (summary and results) or sarif (SARIF 2.1.0 for code-scanning annotations).",
            DefaultValueFactory = _ => "text",
            HelpName = "FORMAT",
        };
        output.AcceptOnlyFromAmong("text", "json", "sarif");
        string[] options = ["--output", "-o", "--help", "-h"];
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(t => t.StartsWith('-') && t != InputFile.StdinName))
            {
                result.AddError($"Unrecognized option '{token}'.{Stack.Input.Suggestions.DidYouMean(token, options)}");
            }
        });
        var command = new Command("validate", "Check DataPlatformEnvironments before any AWS call: the CRD's schema, then the pre-flight rules. Exit 0 valid, 1 invalid, 2 unreadable.")
        {
            paths,
            output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var run = await ValidationRun.ExecuteAsync(result.GetValue(paths) ?? [], stdin, cancellationToken);
            switch (result.GetValue(output))
            {
                case "json":
                    await ValidationOutput.WriteJsonAsync(run, stdout);
                    break;
                case "sarif":
                    await stdout.WriteLineAsync(SarifReport.Render(run, Directory.GetCurrentDirectory()));
                    break;
                default:
                    await ValidationOutput.WriteTextAsync(run, stdout, stderr);
                    break;
            }

            return run.ExitCode;
        });
        return command;
    }
}
