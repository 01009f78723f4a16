namespace DataPlatform.Stack.Validation;

/// <summary>One finding: the field path to change, the rule id (the validation-facts id where one applies), how bad, and what to do.</summary>
public sealed record Violation(string Field, string Rule, Severity Severity, string Message)
{
    public static Violation Error(string field, string rule, string message) => new(field, rule, Severity.Error, message);

    public static Violation Warning(string field, string rule, string message) => new(field, rule, Severity.Warning, message);

    public override string ToString() => $"{Field}: {(Severity == Severity.Error ? "error" : "warning")} {Rule}: {Message}";
}
