namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>What the shell saw when it did the action the lifecycle asked for; the input of the next step.</summary>
internal abstract record Observation;
