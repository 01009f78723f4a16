using DataPlatform.Entities;
using DataPlatform.Stack.Input;

namespace DataPlatform.Operator.Cli;

/// <summary><c>plan [FILE]</c>: reads an environment and shows what it would build.</summary>
internal static class PlanCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string name;
        string text;
        if (args.Count == 0)
        {
            name = SampleFiles.FullSampleName;
            text = SampleFiles.ReadFull();
        }
        else
        {
            name = args[0];
            try
            {
                text = await File.ReadAllTextAsync(name, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{name}: cannot read the file: {e.Message}");
                return 2;
            }
        }

        var result = EnvironmentReader.Read(text);
        if (result.Environment is not { } environment)
        {
            await stderr.WriteLineAsync($"{name}: {result.Error}");
            return 1;
        }

        var program = DataPlatform.Stack.Program.StackProgramBuilder.Build(environment);
        foreach (var (file, content) in DataPlatform.Stack.Program.PulumiYamlWriter.Files(program))
        {
            await stdout.WriteLineAsync($"--- {file}");
            await stdout.WriteLineAsync(content);
        }

        await stdout.WriteLineAsync(Summary(name, environment));
        return 0;
    }

    private static string Summary(string name, V1Alpha1DataPlatformEnvironment environment)
    {
        var spec = environment.Spec;
        var suffix = spec.EnvironmentSuffix ?? environment.Metadata.Name;
        return $"""
            {name}: {environment.Metadata.NamespaceProperty}/{environment.Metadata.Name} is readable.
              region       {spec.Region}
              suffix       {suffix}
              network      VPC {spec.Network.VpcCidr} over {spec.Network.AzCount} AZs, NAT {spec.Network.NatGateways}
              streaming    Kinesis {spec.Streaming.Mode}, {spec.Streaming.RetentionHours} h retention
              database     {spec.Database.Engine} {spec.Database.EngineVersion}, user {spec.Database.MasterUsername}
              cache        {spec.Cache.Engine} {spec.Cache.EngineVersion}, {spec.Cache.NumCacheClusters} nodes of {spec.Cache.NodeType}
              artifacts    versioned={spec.Artifacts.Versioning}
              pipeline     enabled={spec.Pipeline.Enabled}
            """;
    }
}
