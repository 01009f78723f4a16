namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>Whether the state backend holds the environment's stack (DESIGN.md section 7: decided there, never from status).</summary>
internal sealed record StackChecked(bool Exists) : Observation;
