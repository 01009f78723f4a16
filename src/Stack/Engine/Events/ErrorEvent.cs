namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>errorEvent</c>: an internal engine error.</summary>
public sealed record ErrorEvent(string Error) : EngineEventPayload;
