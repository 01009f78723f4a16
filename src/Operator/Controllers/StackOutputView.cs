using System.Globalization;

namespace DataPlatform.Operator.Controllers;

/// <summary>Stack outputs as the controller reads them: each value as text, and which of them are secret.</summary>
internal sealed record StackOutputView(IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Secrets)
{
    public const string SecretPlaceholder = "[secret]";

    public string? Get(string name) => Values.GetValueOrDefault(name);

    public int? GetInt(string name) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Every output for status.outputs, with secret values replaced by [secret].</summary>
    public Dictionary<string, string> ForStatus() => Values
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .ToDictionary(p => p.Key, p => Secrets.Contains(p.Key) ? SecretPlaceholder : p.Value, StringComparer.Ordinal);
}
