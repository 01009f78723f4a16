namespace DataPlatform.Stack.Failures;

/// <summary>One configured pattern (Failures:Patterns:N); validated at start by <see cref="FailureOptionsValidator"/>.</summary>
public sealed class FailurePatternOptions
{
    public string Id { get; set; } = "";

    /// <summary>A .NET regular expression, matched case-insensitively against each diagnostic text.</summary>
    public string Pattern { get; set; } = "";

    /// <summary>The class reported as the condition reason and in status.retry.lastFailureClass (CamelCase).</summary>
    public string Class { get; set; } = "";

    /// <summary>Transient, Terminal or Unknown (a name, checked at start: the binder would skip a bad value silently).</summary>
    public string Outcome { get; set; } = nameof(FailureOutcome.Transient);

    /// <summary>The spec field at fault, when the pattern knows it.</summary>
    public string? Field { get; set; }

    public FailurePattern ToPattern() => new(Id, Pattern, Class, ParseOutcome(Outcome) ?? throw new InvalidOperationException($"Outcome '{Outcome}' of failure pattern '{Id}' is not valid."), string.IsNullOrWhiteSpace(Field) ? null : Field);

    /// <summary>The outcome named (any case), or null when the text names none.</summary>
    public static FailureOutcome? ParseOutcome(string? text) =>
        Enum.GetValues<FailureOutcome>().Select(o => (FailureOutcome?)o).FirstOrDefault(o => string.Equals(o.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
