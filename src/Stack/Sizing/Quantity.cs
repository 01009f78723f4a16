using System.Text.RegularExpressions;
using DataPlatform.Entities.Spec;
using k8s.Models;

namespace DataPlatform.Stack.Sizing;

/// <summary>
/// Kubernetes resource quantities compared by value, as the API server does: 1Gi, 1024Mi and 1073741824 are equal,
/// as are 500m and 0.5. A text is a quantity when it has the API server's format (the CRD's pattern, so no sign and
/// no blanks, which KubernetesClient's parser would let pass); its value is read by KubernetesClient's
/// <see cref="ResourceQuantity"/> (a model type, no I/O).
/// </summary>
public static partial class Quantity
{

    /// <summary>The quantity's value in base units (cores, bytes), or null when the text is not a quantity.</summary>
    public static decimal? Value(string? text)
    {
        if (string.IsNullOrEmpty(text) || !Format().IsMatch(text))
        {
            return null;
        }

        try
        {
            return new ResourceQuantity(text).ToDecimal();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="text"/> is a quantity above zero.</summary>
    public static bool IsPositive(string? text) => Value(text) > 0;

    /// <summary>Whether the quantity <paramref name="text"/> exceeds <paramref name="bound"/>; false when either is not a quantity.</summary>
    public static bool Exceeds(string? text, string? bound) => Value(text) is { } value && Value(bound) is { } max && value > max;

    [GeneratedRegex(EngineResourcesSpec.QuantityPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
