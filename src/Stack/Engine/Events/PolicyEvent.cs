namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>policyEvent</c>: a policy violation.</summary>
public sealed record PolicyEvent(string? ResourceUrn, string Message, string PolicyName, string PolicyPackName, string EnforcementLevel) : EngineEventPayload;
