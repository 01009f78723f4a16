using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>One piece of I/O for the shell: its kind, and for an update why it is owed and which operations run in order.</summary>
internal sealed record LifecycleAction
{
    private LifecycleAction(LifecycleActionKind kind, UpdateReason? reason, IReadOnlyList<EngineOperation> operations)
    {
        Kind = kind;
        Reason = reason;
        Operations = operations;
    }

    public LifecycleActionKind Kind { get; }

    public UpdateReason? Reason { get; }

    public IReadOnlyList<EngineOperation> Operations { get; }

    public static LifecycleAction RunUpdate(UpdateReason reason) => new(
        LifecycleActionKind.RunUpdate, reason, reason == UpdateReason.DriftCheck ? [EngineOperation.Refresh, EngineOperation.Up] : [EngineOperation.Up]);

    public static LifecycleAction CheckStack { get; } = new(LifecycleActionKind.CheckStack, null, []);

    public static LifecycleAction Destroy { get; } = new(LifecycleActionKind.Destroy, null, [EngineOperation.Destroy]);

    public static LifecycleAction ReleaseFinalizer { get; } = new(LifecycleActionKind.ReleaseFinalizer, null, []);

    public bool Equals(LifecycleAction? other) =>
        other is not null && Kind == other.Kind && Reason == other.Reason && Operations.SequenceEqual(other.Operations);

    public override int GetHashCode() => HashCode.Combine(Kind, Reason);

    public override string ToString() => Reason is { } reason ? $"{Kind}({reason}: {string.Join(", ", Operations)})" : Kind.ToString();
}
