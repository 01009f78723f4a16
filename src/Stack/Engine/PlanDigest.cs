using System.Security.Cryptography;
using System.Text;
using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Stack.Engine;

/// <summary>The id of a previewed plan: a digest of the program files and the planned steps (op, URN, replace keys, diffs).</summary>
internal static class PlanDigest
{
    public static PreviewPlan Of(StackRequest request, IReadOnlyList<StepMetadata> steps)
    {
        var text = new StringBuilder();
        foreach (var file in request.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(file.Key).Append('\n').Append(file.Value).Append('\n');
        }

        foreach (var step in steps)
        {
            text.Append(step.Op).Append(' ').Append(step.Urn).Append(" keys=").AppendJoin(',', step.Keys).Append(" diffs=").AppendJoin(',', step.Diffs).Append('\n');
        }

        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
        return new PreviewPlan(id, steps);
    }
}
