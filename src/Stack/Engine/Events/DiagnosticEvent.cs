namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>diagnosticEvent</c>; severity is debug, info, info#err, warning or error.</summary>
public sealed record DiagnosticEvent(string? Urn, string Prefix, string Message, string Severity, bool Ephemeral) : EngineEventPayload
{
    public bool IsError => Severity == "error";
}
