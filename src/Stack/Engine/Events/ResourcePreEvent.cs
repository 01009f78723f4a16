namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>resourcePreEvent</c>: a step starts.</summary>
public sealed record ResourcePreEvent(StepMetadata Metadata, bool Planning) : EngineEventPayload;
