using System.Text.Json.Nodes;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// Writes an engine event back as one event-log line in the CLI's format (FACTS.md section 4), the inverse of
/// <see cref="EngineEventParser"/>: an engine Job relays its run's events on stdout this way, and the operator
/// parses them with the same parser as a local event log. Only the fields the parser reads are written.
/// </summary>
public static class EngineEventWriter
{
    public static string Write(EngineEvent engineEvent)
    {
        ArgumentNullException.ThrowIfNull(engineEvent);
        var (kind, body) = Payload(engineEvent.Payload);
        return new JsonObject
        {
            ["sequence"] = engineEvent.Sequence,
            ["timestamp"] = engineEvent.Timestamp,
            [kind] = body,
        }.ToJsonString();
    }

    private static (string Kind, JsonObject Body) Payload(EngineEventPayload payload) => payload switch
    {
        CancelEvent => ("cancelEvent", new JsonObject()),
        StdoutEvent e => ("stdoutEvent", new JsonObject { ["message"] = e.Message }),
        DiagnosticEvent e => ("diagnosticEvent", new JsonObject
        {
            ["urn"] = e.Urn, ["prefix"] = e.Prefix, ["message"] = e.Message, ["severity"] = e.Severity, ["ephemeral"] = e.Ephemeral,
        }),
        PreludeEvent e => ("preludeEvent", new JsonObject { ["config"] = new JsonObject(e.Config.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))) }),
        SummaryEvent e => ("summaryEvent", Summary(e)),
        ResourcePreEvent e => ("resourcePreEvent", new JsonObject { ["metadata"] = Step(e.Metadata), ["planning"] = e.Planning }),
        ResOutputsEvent e => ("resOutputsEvent", new JsonObject { ["metadata"] = Step(e.Metadata), ["planning"] = e.Planning }),
        ResOpFailedEvent e => ("resOpFailedEvent", new JsonObject { ["metadata"] = Step(e.Metadata), ["status"] = e.Status, ["steps"] = e.Steps }),
        PolicyEvent e => ("policyEvent", new JsonObject
        {
            ["resourceUrn"] = e.ResourceUrn, ["message"] = e.Message, ["policyName"] = e.PolicyName,
            ["policyPackName"] = e.PolicyPackName, ["enforcementLevel"] = e.EnforcementLevel,
        }),
        ProgressEvent e => ("progressEvent", new JsonObject
        {
            ["type"] = e.Type, ["id"] = e.Id, ["message"] = e.Message, ["received"] = e.Received, ["total"] = e.Total, ["done"] = e.Done,
        }),
        ErrorEvent e => ("errorEvent", new JsonObject { ["error"] = e.Error }),
        BookkeepingEvent e => (e.Kind, new JsonObject()),
        _ => throw new ArgumentOutOfRangeException(nameof(payload), payload.GetType().Name, "No event-log form is known for this payload."),
    };

    private static JsonObject Summary(SummaryEvent e)
    {
        var summary = new JsonObject
        {
            ["maybeCorrupt"] = e.MaybeCorrupt,
            ["durationSeconds"] = e.DurationSeconds,
            ["resourceChanges"] = new JsonObject(e.ResourceChanges.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        };
        if (e.IsPreview is { } preview)
        {
            summary["isPreview"] = preview;
        }

        if (e.Result is { } result)
        {
            summary["result"] = result;
        }

        return summary;
    }

    private static JsonObject Step(StepMetadata metadata) => new() { ["op"] = metadata.Op, ["urn"] = metadata.Urn, ["type"] = metadata.Type };
}
