using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>`pulumi stack ls` (SEMANTICS.md, "Backend, stacks and locks").</summary>
internal static class StackList
{
    /// <summary>
    /// `stack ls --json`: the current project's stacks (every project's with --all), sorted by name, as the CLI's
    /// stackSummaryJSON: name (bare for the current project, organization/project/stack otherwise), current,
    /// lastUpdate and resourceCount. Reads no secret, so it needs no passphrase.
    /// </summary>
    public static int Run(Cli cli)
    {
        var directory = Directory.GetCurrentDirectory();
        var project = ProjectProgram.ProjectName(directory) ?? throw new CliException("no Pulumi.yaml found; please run this command in a project directory");
        var summaries = Backend.List(cli.Has("--all") ? null : project)
            .Select(s => (Name: s.Project == project ? s.Stack : $"organization/{s.Project}/{s.Stack}", s.State))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s =>
            {
                var summary = new JsonObject { ["name"] = s.Name, ["current"] = false };
                if (s.State["history"]!.AsArray().LastOrDefault() is { } last)
                {
                    summary["lastUpdate"] = last["endTime"]!.DeepClone();
                }

                summary["resourceCount"] = s.State["resources"]!.AsObject().Count;
                return (JsonNode)summary;
            });
        Console.WriteLine(new JsonArray(summaries.ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
