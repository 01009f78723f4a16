using DataPlatform.Entities.Status;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// An update or a destroy failed, in the engine or before it (credentials, a connection Secret the environment
/// does not own), with the classified failure and any recovery the engine made on the way.
/// </summary>
internal sealed record OperationFailed(EngineOperation Operation, Failure Failure, DateTimeOffset Started, IReadOnlyList<string> Recoveries) : Observation
{
    /// <summary>The components as an update left them (the failed one with its resource and error); null for other runs.</summary>
    public IReadOnlyList<ComponentStatus>? Components { get; init; }
}
