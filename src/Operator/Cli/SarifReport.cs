using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>validate --output sarif</c>: SARIF 2.1.0 (OASIS), the format code-scanning services read to annotate the
/// lines of a pull request. One run; one rule per rule id seen; one result per violation, located at the line of its
/// field; unreadable files as tool execution notifications.
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/dataplatform-operator/dataplatform-operator";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(ValidationRun run, string workingDirectory)
    {
        var violations = run.Records.SelectMany(r => r.Violations.Select(v => (Record: r, Violation: v))).ToList();
        var rules = violations.Select(x => x.Violation.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var results = violations.Select(x => (JsonNode)new JsonObject
        {
            ["ruleId"] = x.Violation.Rule,
            ["ruleIndex"] = rules.IndexOf(x.Violation.Rule),
            ["level"] = x.Violation.Severity == Severity.Error ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = $"{ValidationOutput.Clean(x.Violation.Field)}: {ValidationOutput.Clean(x.Violation.Message)}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = Uri(x.Record.File, workingDirectory) },
                    ["region"] = new JsonObject { ["startLine"] = Math.Max(1, x.Record.LineOf(x.Violation)) },
                },
            }),
        }).ToArray();
        var notifications = run.Unreadable.Select(u => (JsonNode)new JsonObject
        {
            ["level"] = "error",
            ["message"] = new JsonObject { ["text"] = $"{ValidationOutput.Clean(u.File)}: {u.Message}" },
        }).ToArray();
        var sarif = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "dataplatform-operator",
                        ["semanticVersion"] = Version(),
                        ["informationUri"] = InformationUri,
                        ["rules"] = new JsonArray(rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = r,
                            ["shortDescription"] = new JsonObject { ["text"] = $"DataPlatformEnvironment rule {r}" },
                        }).ToArray()),
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = run.Unreadable.Count == 0,
                    ["exitCode"] = run.ExitCode,
                    ["toolExecutionNotifications"] = new JsonArray(notifications),
                }),
                ["results"] = new JsonArray(results),
            }),
        };
        return sarif.ToJsonString(Indented);
    }

    /// <summary>A relative URI reference with forward slashes when the file is under the working directory; else a file URI.</summary>
    private static string Uri(string file, string workingDirectory)
    {
        if (file == InputFile.Name(InputFile.StdinName))
        {
            return "stdin";
        }

        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(workingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new System.Uri(full).AbsoluteUri
            : string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(System.Uri.EscapeDataString));
    }

    private static string Version()
    {
        var version = typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
