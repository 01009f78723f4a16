using System.CommandLine;
using DataPlatform.Entities;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Program;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>plan OLD NEW</c>: the plan a change from one environment file to another makes (<see cref="PlanDiffOutput"/>),
/// so a reviewer sees in the pull request which stateful resources a merge would replace or delete.
/// <c>plan [FILE] [--out DIR]</c>: reads an environment (default: the embedded full sample; <c>-</c> for standard
/// input), shows what it would build and, with --out, writes the Pulumi project (Pulumi.yaml and
/// Pulumi.&lt;stack&gt;.yaml) that <c>pulumi preview</c> runs as is. Files are written only inside --out: metadata
/// names are checked before any path is built from them, and every path is checked to stay in the directory.
/// Exit 0 ok, 1 invalid input, 2 usage or unreadable input.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var files = new Argument<string[]>("FILE") { Description = "The environment manifest, or - for standard input (default: the embedded full sample); or OLD NEW to show the plan of a change.", Arity = new ArgumentArity(0, 2) };
        var outDir = new Option<string?>("--out") { Description = "Directory to write Pulumi.yaml and Pulumi.<stack>.yaml into.", HelpName = "DIR" };
        var command = new Command("plan", "Validate an environment, summarise the stack it builds and write its Pulumi project; or show what changing OLD into NEW would create, update, replace and delete.") { files, outDir };
        command.SetAction((result, cancellationToken) =>
        {
            var given = result.GetValue(files) ?? [];
            return given.Length == 2
                ? PlanDiffOutput.RunAsync(given[0], given[1], result.GetValue(outDir), stdout, stderr, stdin, cancellationToken)
                : RunAsync(given.FirstOrDefault(), result.GetValue(outDir), stdout, stderr, stdin, cancellationToken);
        });
        return command;
    }

    /// <summary>Reads and validates one environment file, reporting every violation; null with the exit code when it cannot be planned.</summary>
    public static async Task<(V1Alpha1DataPlatformEnvironment? Environment, int ExitCode)> LoadAsync(
        string? file, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        var name = ValidationOutput.Clean(InputFile.Name(file));
        var (text, failure) = await InputFile.ReadAsync(file, stdin, cancellationToken);
        if (text is null)
        {
            await stderr.WriteLineAsync($"{name}: {failure!.Message}");
            return (null, failure.Unreadable ? Verbs.Usage : Verbs.Invalid);
        }

        var result = EnvironmentReader.Read(text);
        var violations = OfflineValidation.Check(result);
        foreach (var violation in violations)
        {
            await (violation.Severity == Severity.Error ? stderr : stdout).WriteLineAsync($"{name}: {ValidationOutput.Clean(violation.ToString())}");
        }

        var errors = violations.Count(v => v.Severity == Severity.Error);
        if (result.Environment is not { } environment || errors > 0)
        {
            await stderr.WriteLineAsync($"{name}: invalid ({errors} errors); nothing planned.");
            return (null, Verbs.Invalid);
        }

        return (environment, Verbs.Ok);
    }

    private static async Task<int> RunAsync(string? file, string? outDir, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        var name = ValidationOutput.Clean(InputFile.Name(file));
        var (environment, code) = await LoadAsync(file, stdout, stderr, stdin, cancellationToken);
        if (environment is null)
        {
            return code;
        }

        var program = StackProgramBuilder.Build(environment);
        await stdout.WriteLineAsync($"{name}: {environment.Metadata.NamespaceProperty}/{environment.Metadata.Name} in {environment.Spec.Region}");
        await stdout.WriteAsync(PlanSummary.Render(program));
        if (outDir is null)
        {
            return Verbs.Ok;
        }

        var files = PulumiYamlWriter.Files(program);
        var targets = new List<(string Path, string Content)>();
        var root = Path.GetFullPath(outDir);
        foreach (var (fileName, content) in files)
        {
            var target = Path.GetFullPath(Path.Combine(root, fileName));
            if (fileName.IndexOfAny(['/', '\\']) >= 0 || Path.GetDirectoryName(target) != Path.TrimEndingDirectorySeparator(root))
            {
                await stderr.WriteLineAsync($"{name}: the file name {MessageText.Quote(fileName)} would leave {outDir}; nothing written.");
                return Verbs.Invalid;
            }

            targets.Add((target, content));
        }

        Directory.CreateDirectory(root);
        foreach (var (target, content) in targets)
        {
            await File.WriteAllTextAsync(target, content, cancellationToken);
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"wrote {outDir}/{PulumiYamlWriter.ProjectFileName} and {outDir}/{PulumiYamlWriter.StackFileName(program)}; preview with:");
        await stdout.WriteLineAsync($"  cd {outDir} && pulumi stack select --create {program.StackName} && pulumi preview");
        return Verbs.Ok;
    }
}
