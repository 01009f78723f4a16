using DataPlatform.Entities.Status;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>The update's operations succeeded, its outputs were read and the connection Secret was written.</summary>
internal sealed record UpdateSucceeded(
    DateTimeOffset Started,
    IReadOnlyDictionary<string, int> ResourceChanges,
    Endpoints Endpoints,
    IReadOnlyDictionary<string, string> Outputs,
    string ConnectionSecretName,
    IReadOnlyList<string> Recoveries) : Observation
{
    /// <summary>The components as the update left them (all Ready); null when unknown.</summary>
    public IReadOnlyList<ComponentStatus>? Components { get; init; }
}
