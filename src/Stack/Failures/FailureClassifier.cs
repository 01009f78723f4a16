using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Failures;

/// <summary>
/// Classifies engine and AWS error texts with an ordered pattern table (DESIGN.md section 6): the configured
/// patterns first, then the built-in table in failure-patterns.json; the first pattern that matches any of the texts
/// wins; nothing matching is Unknown with the text kept, trimmed and with every known secret value replaced.
/// </summary>
public sealed class FailureClassifier
{
    public const int MaxMessageLength = 1024;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private static readonly Lazy<IReadOnlyList<FailurePattern>> LazyBuiltIn = new(LoadEmbedded);
    private static readonly Lazy<FailureClassifier> LazyDefault = new(() => new FailureClassifier(BuiltIn));

    private readonly IReadOnlyList<(FailurePattern Pattern, Regex Regex)> _table;

    /// <summary>A classifier over exactly these patterns, in order; a pattern that does not compile is refused, naming it.</summary>
    public FailureClassifier(IReadOnlyList<FailurePattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _table = patterns
            .Select(p => (p, PatternError(p.Pattern) is { } problem
                ? throw new ArgumentException($"Failure pattern '{p.Id}' is not a valid .NET regular expression: {problem}", nameof(patterns))
                : new Regex(p.Pattern, Options, MatchTimeout)))
            .ToList();
    }

    /// <summary>The built-in table only.</summary>
    public static FailureClassifier Default => LazyDefault.Value;

    /// <summary>The built-in table in failure-patterns.json, in order.</summary>
    public static IReadOnlyList<FailurePattern> BuiltIn => LazyBuiltIn.Value;

    /// <summary>
    /// The configured patterns ahead of the built-in table; a configured entry whose id equals a built-in entry's id
    /// replaces that entry.
    /// </summary>
    public static FailureClassifier WithConfigured(IEnumerable<FailurePattern> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var first = configured.ToList();
        var replaced = first.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return new FailureClassifier([.. first, .. BuiltIn.Where(p => !replaced.Contains(p.Id))]);
    }

    /// <summary>Why a pattern does not compile, or null when it does.</summary>
    public static string? PatternError(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return "the pattern is empty.";
        }

        try
        {
            _ = new Regex(pattern, Options, MatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    public IReadOnlyList<FailurePattern> Patterns => _table.Select(t => t.Pattern).ToList();

    public Failure Classify(IReadOnlyList<string> texts, IEnumerable<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var secretList = (secrets ?? []).Where(s => s.Length >= 4).ToList();
        foreach (var (pattern, regex) in _table)
        {
            var text = texts.FirstOrDefault(t => Matches(regex, t));
            if (text is not null)
            {
                return new Failure(pattern.Class, pattern.Outcome, pattern.Field, pattern.Id, Clean(text, secretList));
            }
        }

        var message = texts.Count == 0 ? "The engine failed without a message." : string.Join(" ", texts.Select(t => t.Trim()));
        return new Failure(Failure.UnknownClass, FailureOutcome.Unknown, Field: null, PatternId: null, Clean(message, secretList));
    }

    /// <summary>A pattern that runs out of time on a pathological text counts as not matching; classification never throws.</summary>
    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Trims, folds white space, removes every secret value and cuts to <see cref="MaxMessageLength"/>.</summary>
    public static string Clean(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        var cleaned = text;
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            cleaned = cleaned.Replace(secret, "[secret]", StringComparison.Ordinal);
        }

        cleaned = Regex.Replace(cleaned.Trim(), @"\s+", " ", RegexOptions.None, TimeSpan.FromSeconds(1));
        return cleaned.Length <= MaxMessageLength ? cleaned : cleaned[..(MaxMessageLength - 1)] + "…";
    }

    private static List<FailurePattern> LoadEmbedded()
    {
        using var stream = typeof(FailureClassifier).Assembly.GetManifestResourceStream("DataPlatform.Stack.Failures.failure-patterns.json")
            ?? throw new InvalidOperationException("The embedded failure patterns are missing from the build.");
        return JsonSerializer.Deserialize<PatternFile>(stream)?.Patterns ?? throw new InvalidOperationException("The failure pattern table is empty.");
    }

    private sealed record PatternFile([property: JsonPropertyName("patterns")] List<FailurePattern> Patterns);
}
