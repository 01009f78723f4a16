using System.CommandLine;
using DataPlatform.Operator.Crd;

namespace DataPlatform.Operator.Cli;

/// <summary><c>generate-crd [--out PATH]...</c>: writes the CRD generated from the entity types to each path (default: stdout).</summary>
internal static class GenerateCrdCommand
{
    public static Command Create(TextWriter stdout)
    {
        var outPaths = new Option<string[]>("--out") { Description = "File to write the CRD to; repeat for several. Default: standard output.", HelpName = "PATH" };
        var command = new Command("generate-crd", "Write the CustomResourceDefinition generated from the entity types.") { outPaths };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(outPaths) ?? [], stdout, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] outPaths, TextWriter stdout, CancellationToken cancellationToken)
    {
        var yaml = CrdGenerator.GenerateYaml();
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
