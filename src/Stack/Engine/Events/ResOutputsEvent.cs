namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>resOutputsEvent</c>: a step finished.</summary>
public sealed record ResOutputsEvent(StepMetadata Metadata, bool Planning) : EngineEventPayload;
