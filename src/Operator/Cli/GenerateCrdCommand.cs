using DataPlatform.Operator.Crd;

namespace DataPlatform.Operator.Cli;

/// <summary><c>generate-crd [--out PATH]</c>: writes the CRD generated from the entity types (default: stdout).</summary>
internal static class GenerateCrdCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? outPath = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Count)
            {
                outPath = args[++i];
            }
            else
            {
                await stderr.WriteLineAsync($"generate-crd: unknown argument '{args[i]}'. Usage: generate-crd [--out PATH]");
                return 2;
            }
        }

        var yaml = CrdGenerator.GenerateYaml();
        if (outPath is null)
        {
            await stdout.WriteAsync(yaml);
            return 0;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.WriteAllTextAsync(outPath, yaml, cancellationToken);
        await stdout.WriteLineAsync($"wrote {outPath}");
        return 0;
    }
}
