namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>preludeEvent</c>: the stack config, secrets blinded.</summary>
public sealed record PreludeEvent(IReadOnlyDictionary<string, string> Config) : EngineEventPayload;
