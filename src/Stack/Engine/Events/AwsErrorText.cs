using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// The part of a provider error a user acts on. The AWS provider prints "creating &lt;type&gt; (&lt;name&gt;): operation
/// error ...: https response error StatusCode: 400, RequestID: ..., api error &lt;Code&gt;: &lt;text&gt;"; this keeps
/// "&lt;Code&gt;: &lt;text&gt;" and leaves any other text as it is.
/// </summary>
public static partial class AwsErrorText
{
    public static string Brief(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = ApiError().Match(text);
        return match.Success ? $"{match.Groups["code"].Value}: {match.Groups["text"].Value.Trim()}" : text.Trim();
    }

    [GeneratedRegex(@"api error (?<code>[A-Za-z][A-Za-z0-9.]*): (?<text>[^\n]*)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ApiError();
}
