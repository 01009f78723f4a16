using System.Text.RegularExpressions;

namespace DataPlatform.TestSupport;

/// <summary>Just enough PromQL to find which metric names an alert or a dashboard query reads.</summary>
internal static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan",
    };

    /// <summary>
    /// The metric names in an expression: identifiers that are not functions (followed by a parenthesis), keywords,
    /// label matchers, label lists of by/without/on/ignoring, string literals, ranges or numbers.
    /// </summary>
    public static SortedSet<string> MetricNames(string expression)
    {
        var text = StringLiteral().Replace(expression, " ");
        string previous;
        do
        {
            previous = text;
            text = Braces().Replace(text, " ");
        }
        while (text != previous);

        text = Range().Replace(text, " ");
        text = Grouping().Replace(text, " ");
        return new SortedSet<string>(
            Identifier().Matches(text).Where(m => !Keywords.Contains(m.Groups[1].Value) && !m.Groups[2].Success).Select(m => m.Groups[1].Value),
            StringComparer.Ordinal);
    }

    /// <summary>Whether every (, [ and { is closed in order, outside string literals.</summary>
    public static bool Balanced(string expression)
    {
        var stack = new Stack<char>();
        foreach (var c in StringLiteral().Replace(expression, "\"\""))
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    stack.Push(c);
                    break;
                case ')' or ']' or '}':
                    if (stack.Count == 0 || stack.Pop() != c switch { ')' => '(', ']' => '[', _ => '{' })
                    {
                        return false;
                    }

                    break;
            }
        }

        return stack.Count == 0;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\[\]]*\]")]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?")]
    private static partial Regex Identifier();
}
