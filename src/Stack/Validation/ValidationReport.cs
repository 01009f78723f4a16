namespace DataPlatform.Stack.Validation;

/// <summary>Every finding for one environment, ordered by field then rule.</summary>
public sealed record ValidationReport(IReadOnlyList<Violation> Violations)
{
    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<Violation> Errors => Violations.Where(v => v.Severity == Severity.Error).ToList();

    public IReadOnlyList<Violation> Warnings => Violations.Where(v => v.Severity == Severity.Warning).ToList();

    /// <summary>A message for a Stalled condition or an admission denial: each error's field, rule and fix.</summary>
    public string Summary() => string.Join(" ", Errors.Select(e => $"{e.Field}: {e.Message} ({e.Rule})."));
}
