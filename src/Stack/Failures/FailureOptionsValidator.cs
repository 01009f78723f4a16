using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Stack.Failures;

/// <summary>
/// Checks every configured pattern at start, naming the entry (Failures:Patterns:N and its id) and the rule it
/// breaks: an id, unique; a pattern that compiles as a .NET regular expression; a CamelCase class; a defined outcome.
/// </summary>
internal sealed partial class FailureOptionsValidator : IValidateOptions<FailureOptions>
{
    public ValidateOptionsResult Validate(string? name, FailureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Patterns.Count; i++)
        {
            var entry = options.Patterns[i];
            var where = $"{FailureOptions.Section}:Patterns:{i}" + (string.IsNullOrWhiteSpace(entry.Id) ? "" : $" (id '{entry.Id}')");
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                errors.Add($"{where}: id is required.");
            }
            else if (!seen.Add(entry.Id))
            {
                errors.Add($"{where}: id is used by an earlier entry; each configured pattern needs its own id.");
            }

            if (FailureClassifier.PatternError(entry.Pattern) is { } problem)
            {
                errors.Add($"{where}: pattern is not a valid .NET regular expression: {problem}");
            }

            if (!ClassName().IsMatch(entry.Class ?? ""))
            {
                errors.Add($"{where}: class '{entry.Class}' must be CamelCase letters (it becomes a condition reason), for example PlatformRetry.");
            }

            if (FailurePatternOptions.ParseOutcome(entry.Outcome) is null)
            {
                errors.Add($"{where}: outcome '{entry.Outcome}' must be one of {string.Join(", ", Enum.GetNames<FailureOutcome>())}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex ClassName();
}
