using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Program;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>plan OLD NEW</c>: validates both environments, predicts the plan of the change from their generated programs
/// (<see cref="ProgramDiff"/>) and prints it as the operator writes status.plan: changes per component, and each
/// stateful resource replaced or deleted with the properties forcing it, plus whether the operator would wait for
/// approval under the NEW spec's update policy. Exit 0 ok, 1 invalid input, 2 usage or unreadable input.
/// </summary>
internal static class PlanDiffOutput
{
    public static async Task<int> RunAsync(string before, string after, string? outDir, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        if (outDir is not null)
        {
            await stderr.WriteLineAsync("plan OLD NEW writes no project; --out takes a single FILE.");
            return Verbs.Usage;
        }

        if (before == "-" && after == "-")
        {
            await stderr.WriteLineAsync("plan OLD NEW: only one of OLD and NEW can be - (standard input).");
            return Verbs.Usage;
        }

        var (old, oldCode) = await PlanCommand.LoadAsync(before, stdout, stderr, stdin, cancellationToken);
        var (next, nextCode) = await PlanCommand.LoadAsync(after, stdout, stderr, stdin, cancellationToken);
        if (old is null || next is null)
        {
            return Math.Max(oldCode, nextCode);
        }

        var report = ProgramDiff.Report(StackProgramBuilder.Build(old), StackProgramBuilder.Build(next));
        await stdout.WriteLineAsync($"{ValidationOutput.Clean(InputFile.Name(before))} -> {ValidationOutput.Clean(InputFile.Name(after))}: {next.Metadata.NamespaceProperty}/{next.Metadata.Name} in {next.Spec.Region}");
        if (!report.HasChanges)
        {
            await stdout.WriteLineAsync("No resource changes.");
            return Verbs.Ok;
        }

        await stdout.WriteLineAsync($"{"component",-16} {"create",6} {"update",6} {"replace",7} {"delete",6}");
        foreach (var c in report.Components)
        {
            await stdout.WriteLineAsync($"{c.Component,-16} {c.Create,6} {c.Update,6} {c.Replace,7} {c.Delete,6}");
        }

        await stdout.WriteLineAsync();
        if (report.Destructive.Count == 0)
        {
            await stdout.WriteLineAsync("No stateful resource is replaced or deleted.");
        }
        else
        {
            await stdout.WriteLineAsync("Data is lost (stateful resources replaced or deleted):");
            foreach (var change in report.Destructive)
            {
                await stdout.WriteLineAsync($"  {change}");
            }
        }

        await stdout.WriteLineAsync(Approval(report, next.Spec.UpdatePolicy.Approval));
        await stdout.WriteLineAsync("Predicted from the two programs; the operator previews against the live stack before it applies anything.");
        return Verbs.Ok;
    }

    private static string Approval(PlanReport report, Entities.Spec.ApprovalMode mode) => mode switch
    {
        Entities.Spec.ApprovalMode.Never => "spec.updatePolicy.approval is Never: the operator applies this without approval.",
        Entities.Spec.ApprovalMode.Always => "spec.updatePolicy.approval is Always: the operator waits for approval of the plan (dataplatform.io/approve-plan).",
        _ when report.Destructive.Count > 0 => "The operator waits for approval of this plan (dataplatform.io/approve-plan) before it applies it.",
        _ => "The operator applies this without approval.",
    };
}
