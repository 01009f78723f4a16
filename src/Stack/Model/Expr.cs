using System.Security.Cryptography;

namespace DataPlatform.Stack.Model;

/// <summary>
/// Builds <c>${...}</c> interpolations. Every other string in the model is a literal: the writer escapes it so that
/// Pulumi YAML reads it back as written (<c>$</c> becomes <c>$$</c>). To tell the two apart the model writes an
/// interpolation's opening <c>${</c> as <see cref="Open"/>, a private-use character and a token drawn at random per
/// process, which no spec string can forge; <see cref="Render"/> turns it back into <c>${</c> after escaping.
/// Builders therefore never write <c>${</c> by hand: they use these methods, and may concatenate their results.
/// </summary>
public static class Expr
{
    /// <summary>The marker standing for an interpolation's <c>${</c> inside model strings.</summary>
    public static readonly string Open = "\uE000" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "{";

    /// <summary><c>${name}</c> or <c>${name.path}</c>.</summary>
    public static string Ref(string name, string? path = null) => path is null ? $"{Open}{name}}}" : $"{Open}{name}.{path}}}";

    /// <summary><c>${name[index]}</c>: one element of a list-valued variable or output.</summary>
    public static string Element(string name, int index) => $"{Open}{name}[{index}]}}";

    /// <summary>Whether a model string holds an interpolation.</summary>
    public static bool IsInterpolated(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Open, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Pulumi YAML text of a model string: every literal <c>$</c> doubled (pulumi-yaml reads <c>$$</c> as
    /// <c>$</c> and <c>${</c> as the start of a reference), then each interpolation marker written as <c>${</c>.
    /// </summary>
    public static string Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("$", "$$", StringComparison.Ordinal).Replace(Open, "${", StringComparison.Ordinal);
    }

    /// <summary>A model string shown to people (plan output, test messages): markers shown as <c>${</c>, literals unescaped.</summary>
    public static string Display(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(Open, "${", StringComparison.Ordinal);
    }
}
