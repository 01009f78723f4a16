namespace DataPlatform.Stack.Failures;

/// <summary>
/// Patterns the platform team adds without a release (configuration section "Failures", Helm value
/// failures.patterns). They are tried before the built-in table, in the order given; an entry whose id equals a
/// built-in entry's id replaces that entry.
/// </summary>
public sealed class FailureOptions
{
    public const string Section = "Failures";

    public List<FailurePatternOptions> Patterns { get; set; } = [];
}
