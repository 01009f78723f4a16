namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>The destroy succeeded and the stack was removed from the state backend.</summary>
internal sealed record StackDestroyed(IReadOnlyList<string> Recoveries) : Observation;
