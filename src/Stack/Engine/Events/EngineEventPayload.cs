namespace DataPlatform.Stack.Engine.Events;

/// <summary>The payload of an engine event (apitype.EngineEvent); one subtype per payload key.</summary>
public abstract record EngineEventPayload;
