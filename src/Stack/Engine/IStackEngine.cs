using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// The one interface the operator runs stacks through (DESIGN.md section 2). Its CLI implementation issues the same
/// commands, flags and environment as Pulumi.Automation's LocalWorkspace, so Pulumi.Automation can replace it in
/// one change.
/// </summary>
public interface IStackEngine
{
    /// <summary>Checks that the CLI exists and is new enough; returns its version.</summary>
    Task<Version> CheckCliAsync(CancellationToken cancellationToken);

    /// <summary>Writes the workspace, selects or creates the stack, and runs up, preview, refresh or destroy.</summary>
    Task<EngineRunResult> RunAsync(StackRequest request, EngineOperation operation, IProgress<EngineEvent>? progress, CancellationToken cancellationToken);

    /// <summary>The stack's outputs, each marked secret or not as LocalWorkspace detects it.</summary>
    Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(StackRequest request, CancellationToken cancellationToken);

    /// <summary>Whether the state backend holds the stack (`stack ls --json`); deletion decides from this, never from status.</summary>
    Task<bool> StackExistsAsync(StackRequest request, CancellationToken cancellationToken);

    /// <summary>Removes the stack and its state (after a destroy).</summary>
    Task RemoveStackAsync(StackRequest request, CancellationToken cancellationToken);
}
