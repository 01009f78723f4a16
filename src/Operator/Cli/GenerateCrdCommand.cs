using DataPlatform.Operator.Crd;

namespace DataPlatform.Operator.Cli;

/// <summary><c>generate-crd [--out PATH]...</c>: writes the CRD generated from the entity types to each path (default: stdout).</summary>
internal static class GenerateCrdCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var outPaths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Count)
            {
                outPaths.Add(args[++i]);
            }
            else
            {
                await stderr.WriteLineAsync($"generate-crd: unknown argument '{args[i]}'. Usage: generate-crd [--out PATH]...");
                return 2;
            }
        }

        var yaml = CrdGenerator.GenerateYaml();
        if (outPaths.Count == 0)
        {
            await stdout.WriteAsync(yaml);
            return 0;
        }

        foreach (var outPath in outPaths)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            await File.WriteAllTextAsync(outPath, yaml, cancellationToken);
            await stdout.WriteLineAsync($"wrote {outPath}");
        }

        return 0;
    }
}
