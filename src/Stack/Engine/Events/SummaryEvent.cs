namespace DataPlatform.Stack.Engine.Events;

/// <summary><c>summaryEvent</c>; isPreview and result are missing in older CLIs.</summary>
public sealed record SummaryEvent(bool MaybeCorrupt, double DurationSeconds, IReadOnlyDictionary<string, int> ResourceChanges, bool? IsPreview, string? Result)
    : EngineEventPayload;
