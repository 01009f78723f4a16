namespace DataPlatform.Stack.Engine.Events;

/// <summary>Policy-pack bookkeeping and debugger events, kept by name only.</summary>
public sealed record BookkeepingEvent(string Kind) : EngineEventPayload;
