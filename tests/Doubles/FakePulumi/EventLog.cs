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

    public void Pre(string op, string type, string name, bool planning) =>
        Write("resourcePreEvent", new JsonObject { ["metadata"] = Metadata(op, type, name), ["planning"] = planning });

    public void Outputs(string op, string type, string name, bool planning) =>
        Write("resOutputsEvent", new JsonObject { ["metadata"] = Metadata(op, type, name), ["planning"] = planning });

    public void Failed(string op, string type, string name) =>
        Write("resOpFailedEvent", new JsonObject { ["metadata"] = Metadata(op, type, name), ["status"] = 1, ["steps"] = 0 });

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

    private JsonObject Metadata(string op, string type, string name) => new()
    {
        ["op"] = op,
        ["urn"] = Urn(type, name),
        ["type"] = type,
        ["logical"] = true,
        ["provider"] = "",
    };

    private void Write(string kind, JsonObject payload) =>
        _writer?.WriteLine(new JsonObject { ["sequence"] = ++_sequence, ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), [kind] = payload }.ToJsonString());
}
