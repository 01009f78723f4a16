using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// <c>validate FILE... [--output text|json]</c> for users' CI and GitOps checks. Exit 0 when every file is valid
/// (warnings allowed), 1 when any is not, 2 when a file cannot be read or the arguments are wrong. Text output is
/// one line per finding, starting with the file and the field path.
/// </summary>
internal static class ValidateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--output" && i + 1 < args.Count && args[i + 1] is "json" or "text")
            {
                json = args[++i] == "json";
            }
            else if (args[i].StartsWith('-'))
            {
                await stderr.WriteLineAsync($"validate: unknown option '{args[i]}'. Usage: validate FILE... [--output text|json]");
                return 2;
            }
            else
            {
                files.Add(args[i]);
            }
        }

        if (files.Count == 0)
        {
            await stderr.WriteLineAsync("validate: no file given. Usage: validate FILE... [--output text|json]");
            return 2;
        }

        var results = new JsonArray();
        var anyInvalid = false;
        var anyUnreadable = false;
        foreach (var file in files)
        {
            var input = await InputFile.ReadAsync(file, stderr, cancellationToken);
            if (input is null)
            {
                anyUnreadable = true;
                results.Add(Result(file, false, [Violation.Error("(file)", "input.unreadable", "The file cannot be read.")]));
                continue;
            }

            var read = EnvironmentReader.Read(input.Value.Text);
            IReadOnlyList<Violation> violations = read.Environment is { } environment
                ? PreflightValidator.Validate(environment).Violations
                : [Violation.Error(FieldOf(read.Error!), "input.schema", read.Error!)];
            var valid = violations.All(v => v.Severity != Severity.Error);
            anyInvalid |= !valid;
            results.Add(Result(file, valid, violations));
            if (!json)
            {
                foreach (var violation in violations)
                {
                    await stdout.WriteLineAsync($"{file}: {violation}");
                }

                await stdout.WriteLineAsync($"{file}: {(valid ? "valid" : "invalid")} ({violations.Count(v => v.Severity == Severity.Error)} errors, {violations.Count(v => v.Severity == Severity.Warning)} warnings)");
            }
        }

        if (json)
        {
            await stdout.WriteLineAsync(results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        return anyUnreadable ? 2 : anyInvalid ? 1 : 0;
    }

    private static string FieldOf(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var head = colon > 0 ? error[..colon] : "";
        return head.Length > 0 && !head.Contains(' ', StringComparison.Ordinal) ? head : "(document)";
    }

    private static JsonObject Result(string file, bool valid, IReadOnlyList<Violation> violations) => new()
    {
        ["file"] = file,
        ["valid"] = valid,
        ["violations"] = new JsonArray(violations.Select(v => (JsonNode)new JsonObject
        {
            ["field"] = v.Field,
            ["rule"] = v.Rule,
            ["severity"] = v.Severity == Severity.Error ? "error" : "warning",
            ["message"] = v.Message,
        }).ToArray()),
    };
}
