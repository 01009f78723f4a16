using DataPlatform.Stack.Input;
using DataPlatform.Stack.Program;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>plan [FILE] [--out DIR]</c>: reads an environment (default: the embedded full sample), shows what it would
/// build and, with --out, writes the Pulumi project (Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml) that
/// <c>pulumi preview</c> runs as is. Exit 0 ok, 1 invalid input, 2 usage or unreadable input.
/// </summary>
internal static class PlanCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? file = null;
        string? outDir = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Count)
            {
                outDir = args[++i];
            }
            else if (!args[i].StartsWith('-') && file is null)
            {
                file = args[i];
            }
            else
            {
                await stderr.WriteLineAsync($"plan: unexpected argument '{args[i]}'. Usage: plan [FILE] [--out DIR]");
                return 2;
            }
        }

        var input = await InputFile.ReadAsync(file, stderr, cancellationToken);
        if (input is null)
        {
            return 2;
        }

        var result = EnvironmentReader.Read(input.Value.Text);
        if (result.Environment is not { } environment)
        {
            await stderr.WriteLineAsync($"{input.Value.Name}: {result.Error}");
            return 1;
        }

        var report = PreflightValidator.Validate(environment);
        foreach (var violation in report.Violations)
        {
            await (violation.Severity == Severity.Error ? stderr : stdout).WriteLineAsync($"{input.Value.Name}: {violation}");
        }

        if (!report.IsValid)
        {
            await stderr.WriteLineAsync($"{input.Value.Name}: invalid ({report.Errors.Count} errors); nothing planned.");
            return 1;
        }

        var program = StackProgramBuilder.Build(environment);
        await stdout.WriteLineAsync($"{input.Value.Name}: {environment.Metadata.NamespaceProperty}/{environment.Metadata.Name} in {environment.Spec.Region}");
        await stdout.WriteAsync(PlanSummary.Render(program));
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            foreach (var (name, content) in PulumiYamlWriter.Files(program))
            {
                await File.WriteAllTextAsync(Path.Combine(outDir, name), content, cancellationToken);
            }

            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync($"wrote {outDir}/{PulumiYamlWriter.ProjectFileName} and {outDir}/{PulumiYamlWriter.StackFileName(program)}; preview with:");
            await stdout.WriteLineAsync($"  cd {outDir} && pulumi stack select --create {program.StackName} && pulumi preview");
        }

        return 0;
    }
}
