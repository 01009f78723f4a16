namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>resOpFailedEvent</c>: a step failed.</summary>
public sealed record ResOpFailedEvent(StepMetadata Metadata, int Status, int Steps) : EngineEventPayload;
