using System.CommandLine;
using DataPlatform.Operator.Crd;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>generate-crd [--out PATH]... [--policy-out PATH]...</c>: writes the DataPlatformEnvironment CRD generated from the
/// entity types to each --out path (default: stdout) and the DataPlatformPolicy CRD to each --policy-out path.
/// </summary>
internal static class GenerateCrdCommand
{
    public static Command Create(TextWriter stdout)
    {
        var outPaths = new Option<string[]>("--out") { Description = "File to write the CRD to; repeat for several. Default: standard output.", HelpName = "PATH" };
        var policyPaths = new Option<string[]>("--policy-out") { Description = "File to write the DataPlatformPolicy CRD to; repeat for several.", HelpName = "PATH" };
        var command = new Command("generate-crd", "Write the CustomResourceDefinitions generated from the entity types.") { outPaths, policyPaths };
        command.SetAction(async (result, cancellationToken) =>
        {
            var policyOut = result.GetValue(policyPaths) ?? [];
            var outs = result.GetValue(outPaths) ?? [];
            if (outs.Length > 0 || policyOut.Length == 0)
            {
                await RunAsync(CrdGenerator.GenerateYaml(), outs, stdout, cancellationToken);
            }

            return policyOut.Length == 0 ? Verbs.Ok : await RunAsync(CrdGenerator.GeneratePolicyYaml(), policyOut, stdout, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string yaml, string[] outPaths, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (outPaths.Length == 0)
        {
            await stdout.WriteAsync(yaml);
            return Verbs.Ok;
        }

        foreach (var outPath in outPaths)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            await File.WriteAllTextAsync(outPath, yaml, cancellationToken);
            await stdout.WriteLineAsync($"wrote {outPath}");
        }

        return Verbs.Ok;
    }
}
