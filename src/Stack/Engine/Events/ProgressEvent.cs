namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>progressEvent</c>: plugin download or install progress.</summary>
public sealed record ProgressEvent(string Type, string Id, string Message, long Received, long Total, bool Done) : EngineEventPayload;
