using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// Writes --event-log the way the CLI does (FACTS.md section 4): the file is created or truncated, one JSON object
/// per line is appended and flushed as events happen, sequence numbers increase, and a cancelEvent ends it.
/// </summary>
internal sealed class EventLog(string? path, string stack, string project) : IDisposable
{
    private readonly StreamWriter? _writer = path is null ? null : new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    private long _sequence;

    public string Urn(string type, string name) => $"urn:pulumi:{stack}::{project}::{type}::{name}";

    public void Prelude(string region) => Write("preludeEvent", new JsonObject { ["config"] = new JsonObject { ["aws:region"] = region } });

    public void Pre(string op, string type, string name, bool planning, Step? step = null) =>
        Write("resourcePreEvent", new JsonObject { ["metadata"] = Metadata(op, type, name, step), ["planning"] = planning });

    public void Outputs(string op, string type, string name, bool planning, Step? step = null) =>
        Write("resOutputsEvent", new JsonObject { ["metadata"] = Metadata(op, type, name, step), ["planning"] = planning });

    public void Failed(string op, string type, string name, Step? step = null) =>
        Write("resOpFailedEvent", new JsonObject { ["metadata"] = Metadata(op, type, name, step), ["status"] = 1, ["steps"] = 0 });

    public void Diagnostic(string severity, string message, string? urn = null) => Write("diagnosticEvent", new JsonObject
    {
        ["urn"] = urn,
        ["prefix"] = severity == "error" ? "error: " : severity == "warning" ? "warning: " : "",
        ["message"] = message + "\n",
        ["color"] = "never",
        ["severity"] = severity,
    });

    public void Summary(Dictionary<string, int> changes, bool preview, string result, double seconds) => Write("summaryEvent", new JsonObject
    {
        ["maybeCorrupt"] = false,
        ["durationSeconds"] = seconds,
        ["resourceChanges"] = new JsonObject(changes.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        ["PolicyPacks"] = new JsonObject(),
        ["isPreview"] = preview,
        ["result"] = result,
    });

    public void Cancel() => Write("cancelEvent", new JsonObject());

    public void Dispose() => _writer?.Dispose();

    /// <summary>Step metadata; an update or replace carries diffs, its replace keys and a detailedDiff, as the engine writes them.</summary>
    private JsonObject Metadata(string op, string type, string name, Step? step)
    {
        var metadata = new JsonObject
        {
            ["op"] = op,
            ["urn"] = Urn(type, name),
            ["type"] = type,
            ["logical"] = op != "delete-replaced",
            ["provider"] = "",
        };
        if (step is { Diffs.Count: > 0 } && op is "update" or "replace" or "create-replacement")
        {
            metadata["keys"] = new JsonArray(step.Keys.Select(k => (JsonNode?)k).ToArray());
            metadata["diffs"] = new JsonArray(step.Diffs.Select(d => (JsonNode?)d).ToArray());
            metadata["detailedDiff"] = new JsonObject(step.Diffs.Select(d => KeyValuePair.Create(d, (JsonNode?)new JsonObject
            {
                ["diffKind"] = step.Keys.Contains(d) ? "update-replace" : "update",
                ["inputDiff"] = true,
            })));
        }

        if (step is not null && op != "create")
        {
            metadata["old"] = new JsonObject { ["type"] = type, ["urn"] = Urn(type, name), ["custom"] = true, ["protect"] = step.WasProtected };
        }

        if (step is not null && op != "delete")
        {
            metadata["new"] = new JsonObject { ["type"] = type, ["urn"] = Urn(type, name), ["custom"] = true, ["protect"] = step.Protect };
        }

        return metadata;
    }

    private void Write(string kind, JsonObject payload) =>
        _writer?.WriteLine(new JsonObject { ["sequence"] = ++_sequence, ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), [kind] = payload }.ToJsonString());
}
