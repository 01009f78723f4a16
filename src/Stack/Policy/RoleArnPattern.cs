using System.Text.RegularExpressions;

namespace DataPlatform.Stack.Policy;

/// <summary>A role ARN pattern of a policy: '*' matches any run of characters, '{namespace}' the environment's namespace, the rest literally.</summary>
public static class RoleArnPattern
{
    public const string NamespacePlaceholder = "{namespace}";

    public static bool Matches(string pattern, string roleArn, string ns)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var expanded = pattern.Replace(NamespacePlaceholder, ns, StringComparison.Ordinal);
        var regex = "^" + string.Join(".*", expanded.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(roleArn, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The 12-digit account of a role ARN (arn:partition:iam::ACCOUNT:role/...), or null when it is not one.</summary>
    public static string? Account(string roleArn)
    {
        var parts = roleArn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? parts[4] : null;
    }
}
