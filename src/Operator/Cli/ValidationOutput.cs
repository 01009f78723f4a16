using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// The text and JSON forms of a validation run. Every message and field passes through <see cref="MessageText"/>:
/// control characters escaped, so a value from a file cannot forge output lines or terminal sequences.
/// </summary>
internal static class ValidationOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteTextAsync(ValidationRun run, TextWriter stdout, TextWriter stderr)
    {
        foreach (var (file, message) in run.Unreadable)
        {
            await stderr.WriteLineAsync($"{Clean(file)}: {message}");
        }

        foreach (var record in run.Records)
        {
            var label = Clean(record.Label);
            foreach (var violation in record.Violations)
            {
                await stdout.WriteLineAsync($"{label}: {Clean(violation.Field)}: {(violation.Severity == Severity.Error ? "error" : "warning")} {violation.Rule}: {Clean(violation.Message)}");
            }

            await stdout.WriteLineAsync($"{label}: {(record.Valid ? "valid" : "invalid")} ({Count(record, Severity.Error)} errors, {Count(record, Severity.Warning)} warnings)");
        }

        await stdout.WriteLineAsync(Summary(run));
    }

    public static async Task WriteJsonAsync(ValidationRun run, TextWriter stdout)
    {
        var document = new JsonObject
        {
            ["summary"] = new JsonObject
            {
                ["files"] = run.Files,
                ["environments"] = run.Environments,
                ["valid"] = run.Valid,
                ["invalid"] = run.Invalid,
                ["skipped"] = run.Skipped,
                ["unreadable"] = run.Unreadable.Count,
                ["exitCode"] = run.ExitCode,
            },
            ["results"] = new JsonArray(run.Records.Select(r => (JsonNode)new JsonObject
            {
                ["file"] = r.File,
                ["document"] = r.Document,
                ["name"] = r.Name,
                ["line"] = r.Line,
                ["valid"] = r.Valid,
                ["violations"] = new JsonArray(r.Violations.Select(v => (JsonNode)new JsonObject
                {
                    ["field"] = v.Field,
                    ["rule"] = v.Rule,
                    ["severity"] = v.Severity == Severity.Error ? "error" : "warning",
                    ["message"] = Clean(v.Message),
                    ["line"] = r.LineOf(v),
                }).ToArray()),
            }).ToArray()),
            ["unreadable"] = new JsonArray(run.Unreadable.Select(u => (JsonNode)new JsonObject { ["file"] = u.File, ["message"] = u.Message }).ToArray()),
        };
        await stdout.WriteLineAsync(document.ToJsonString(Indented));
    }

    public static string Summary(ValidationRun run) =>
        $"{run.Environments} environments in {run.Files} files: {run.Valid} valid, {run.Invalid} invalid"
        + $"{(run.Unreadable.Count > 0 ? $", {run.Unreadable.Count} unreadable" : "")}; {run.Skipped} other documents skipped"
        + (run.Environments == 0 && run.Records.Count == 0 ? " (no DataPlatformEnvironment found)." : ".");

    /// <summary>Control characters escaped; long texts (rule messages quoting long values) cut at 1000 characters.</summary>
    public static string Clean(string text) => MessageText.Escape(text, 1000);

    private static int Count(ValidationRecord record, Severity severity) => record.Violations.Count(v => v.Severity == severity);
}
