namespace DataPlatform.Stack.Engine;

/// <summary>One entry of `stack history --json` (FACTS.md section 2): version, kind, result, times and change counts.</summary>
public sealed record HistoryEntry(
    int Version,
    string Kind,
    string Result,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    IReadOnlyDictionary<string, int> ResourceChanges);
