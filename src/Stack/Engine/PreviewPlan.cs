using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// What a preview would change: its steps (create, update, replace, delete with their diffs and replace keys) and an
/// id, a digest of the previewed program and those steps, so any change to the spec, the program or the cloud's state
/// gives a new id. An approval names this id; only a plan with the same id applies.
/// </summary>
public sealed record PreviewPlan(string Id, IReadOnlyList<StepMetadata> Steps)
{
    /// <summary>Steps that lose a protected-class resource's data: replaces and deletes of stateful resources.</summary>
    public IEnumerable<StepMetadata> Destructive => Steps.Where(s => s.Op is "replace" or "delete" && StatefulResources.IsStateful(s.Type));

    public bool HasChanges => Steps.Count > 0;
}
