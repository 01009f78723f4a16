using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// One piece of I/O for the shell: its kind, and for a preview or an update why it is owed and which operations run in
/// order; an update also names the stateful resources whose protection the approved plan lifts.
/// </summary>
internal sealed record LifecycleAction
{
    private LifecycleAction(LifecycleActionKind kind, UpdateReason? reason, IReadOnlyList<EngineOperation> operations, IReadOnlyList<string>? unprotected = null)
    {
        Kind = kind;
        Reason = reason;
        Operations = operations;
        Unprotected = unprotected ?? [];
    }

    public LifecycleActionKind Kind { get; }

    public UpdateReason? Reason { get; }

    public IReadOnlyList<EngineOperation> Operations { get; }

    /// <summary>Logical names of the stateful resources the approved plan replaces or deletes; all others stay protected.</summary>
    public IReadOnlyList<string> Unprotected { get; }

    /// <summary>Preview first (DESIGN.md section 11); a drift check refreshes before it.</summary>
    public static LifecycleAction Preview(UpdateReason reason) => new(
        LifecycleActionKind.RunPreview, reason, reason == UpdateReason.DriftCheck ? [EngineOperation.Refresh, EngineOperation.Preview] : [EngineOperation.Preview]);

    public static LifecycleAction RunUpdate(UpdateReason reason, IReadOnlyList<string>? unprotected = null) =>
        new(LifecycleActionKind.RunUpdate, reason, [EngineOperation.Up], unprotected);

    public static LifecycleAction CheckStack { get; } = new(LifecycleActionKind.CheckStack, null, []);

    public static LifecycleAction Destroy { get; } = new(LifecycleActionKind.Destroy, null, [EngineOperation.Destroy]);

    public static LifecycleAction ReleaseFinalizer { get; } = new(LifecycleActionKind.ReleaseFinalizer, null, []);

    public bool Equals(LifecycleAction? other) =>
        other is not null && Kind == other.Kind && Reason == other.Reason && Operations.SequenceEqual(other.Operations) && Unprotected.SequenceEqual(other.Unprotected);

    public override int GetHashCode() => HashCode.Combine(Kind, Reason);

    public override string ToString() => Reason is { } reason ? $"{Kind}({reason}: {string.Join(", ", Operations)})" : Kind.ToString();
}
