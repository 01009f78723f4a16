using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// A preview's plan as people read it (DESIGN.md section 11): its id, the changes per component, the stateful resources
/// it replaces or deletes with the properties forcing it, and a one-line summary. The operator writes it to
/// status.plan; the offline <c>plan OLD NEW</c> verb prints it.
/// </summary>
public sealed record PlanReport(string Id, IReadOnlyList<PlannedComponentChanges> Components, IReadOnlyList<DestructiveChange> Destructive)
{
    public const string OtherComponent = "other";

    public bool HasChanges => Components.Count > 0;

    public string Summary
    {
        get
        {
            int Sum(Func<PlannedComponentChanges, int> count) => Components.Sum(count);
            var counts = $"{Sum(c => c.Create)} to create, {Sum(c => c.Update)} to update, {Sum(c => c.Replace)} to replace, {Sum(c => c.Delete)} to delete";
            return Destructive.Count == 0
                ? $"Plan {Id}: {counts}; no stateful resource is replaced or deleted."
                : $"Plan {Id}: {counts}; data is lost: {string.Join("; ", Destructive)}.";
        }
    }

    /// <summary>The report of a plan; a resource the program no longer has is looked up in <paramref name="previous"/> when given.</summary>
    public static PlanReport From(PreviewPlan plan, ComponentMap map, ComponentMap? previous = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(map);
        var components = plan.Steps
            .GroupBy(s => (map.Of(s) ?? previous?.Of(s))?.Name() ?? OtherComponent)
            .OrderBy(g => g.Key == OtherComponent ? int.MaxValue : (int)PlatformComponents.Parse(g.Key)!.Value)
            .Select(g => new PlannedComponentChanges(g.Key, Count(g, "create"), Count(g, "update"), Count(g, "replace"), Count(g, "delete")))
            .ToList();
        var destructive = plan.Destructive.Select(s => new DestructiveChange(s.Name, s.Type, s.Op, s.Op == "replace" ? s.Keys : [])).ToList();
        return new PlanReport(plan.Id, components, destructive);
    }

    private static int Count(IEnumerable<StepMetadata> steps, string op) => steps.Count(s => s.Op == op);
}
