using System.Text.Json;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// Parses event-log lines (one JSON object per line, FACTS.md section 4). Optional fields may be missing, as in
/// older CLIs; an unknown payload key is an error so a CLI upgrade that adds one is noticed, not ignored.
/// </summary>
public static class EngineEventParser
{
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "policyRemediationEvent", "policyLoadEvent", "policyAnalyzeSummaryEvent", "policyRemediateSummaryEvent",
        "policyAnalyzeStackSummaryEvent", "startDebuggingEvent",
    };

    public static EngineEvent Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        long sequence = 0;
        long timestamp = 0;
        EngineEventPayload? payload = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "sequence":
                    sequence = property.Value.GetInt64();
                    break;
                case "timestamp":
                    timestamp = property.Value.GetInt64();
                    break;
                default:
                    payload = payload is null
                        ? Payload(property.Name, property.Value)
                        : throw new FormatException($"An engine event has two payloads ({property.Name}).");
                    break;
            }
        }

        return new EngineEvent(sequence, timestamp, payload ?? throw new FormatException("An engine event has no payload."));
    }

    private static EngineEventPayload Payload(string kind, JsonElement e) => kind switch
    {
        "cancelEvent" => new CancelEvent(),
        "stdoutEvent" => new StdoutEvent(Str(e, "message")),
        "diagnosticEvent" => new DiagnosticEvent(OptStr(e, "urn"), Str(e, "prefix"), Str(e, "message"), Str(e, "severity"), Bool(e, "ephemeral")),
        "preludeEvent" => new PreludeEvent(e.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
            ? config.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>()),
        "summaryEvent" => new SummaryEvent(
            Bool(e, "maybeCorrupt"),
            e.TryGetProperty("durationSeconds", out var d) ? d.GetDouble() : 0,
            e.TryGetProperty("resourceChanges", out var changes) && changes.ValueKind == JsonValueKind.Object
                ? changes.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal)
                : new Dictionary<string, int>(),
            e.TryGetProperty("isPreview", out var preview) ? preview.GetBoolean() : null,
            OptStr(e, "result")),
        "resourcePreEvent" => new ResourcePreEvent(Step(e), Bool(e, "planning")),
        "resOutputsEvent" => new ResOutputsEvent(Step(e), Bool(e, "planning")),
        "resOpFailedEvent" => new ResOpFailedEvent(Step(e), Int(e, "status"), Int(e, "steps")),
        "policyEvent" => new PolicyEvent(OptStr(e, "resourceUrn"), Str(e, "message"), Str(e, "policyName"), Str(e, "policyPackName"), Str(e, "enforcementLevel")),
        "progressEvent" => new ProgressEvent(Str(e, "type"), Str(e, "id"), Str(e, "message"), Long(e, "received"), Long(e, "total"), Bool(e, "done")),
        "errorEvent" => new ErrorEvent(Str(e, "error")),
        _ when Bookkeeping.Contains(kind) => new BookkeepingEvent(kind),
        _ => throw new FormatException($"Unknown engine event payload '{kind}'."),
    };

    private static StepMetadata Step(JsonElement e)
    {
        var metadata = e.GetProperty("metadata");
        return new StepMetadata(Str(metadata, "op"), Str(metadata, "urn"), Str(metadata, "type"))
        {
            Keys = Strings(metadata, "keys"),
            Diffs = Strings(metadata, "diffs"),
        };
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static string Str(JsonElement e, string name) => OptStr(e, name) ?? "";

    private static string? OptStr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
