namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>stdoutEvent</c>.</summary>
public sealed record StdoutEvent(string Message) : EngineEventPayload;
