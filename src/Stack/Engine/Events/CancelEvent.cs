namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>cancelEvent</c>: the end of the stream.</summary>
public sealed record CancelEvent : EngineEventPayload;
