namespace DataPlatform.Stack.Engine.Events;

/// <summary>One line of the engine's --event-log: sequence, Unix timestamp and exactly one payload.</summary>
public sealed record EngineEvent(long Sequence, long Timestamp, EngineEventPayload Payload);
