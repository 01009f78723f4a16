using System.Globalization;
using System.Text;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>One piece of a Pulumi YAML string: literal text, then optionally a property access (<c>${...}</c>).</summary>
/// <param name="Text">The literal text before the access, with <c>$$</c> already read as <c>$</c>.</param>
/// <param name="Root">The name the access starts from (resource, variable, config key or pulumi), or null.</param>
/// <param name="Accessors">The access path after the root, written back as <c>.name</c>, <c>[0]</c> or <c>["key"]</c>.</param>
internal sealed record Interpolation(string Text, string? Root, string Accessors)
{
    /// <summary>
    /// Splits a string as pulumi-yaml's parseInterpolate and parsePropertyAccess do (pkg/pulumiyaml/ast/interpolation.go,
    /// property.go at v1.38.1): <c>$$</c> is one literal <c>$</c>, <c>${</c> starts an access ended by <c>}</c>, and
    /// every other character, a lone <c>$</c> included, is literal. Errors carry pulumi-yaml's texts.
    /// </summary>
    public static IReadOnlyList<Interpolation> Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<Interpolation>();
        var text = new StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                text.Append('$');
                i += 2;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                var (root, accessors, next) = Access(value, i + 2);
                if (root.Length == 0)
                {
                    throw new FormatException("Property access expressions cannot be empty");
                }

                parts.Add(new Interpolation(text.ToString(), root, accessors));
                text.Clear();
                i = next;
            }
            else
            {
                text.Append(value[i]);
                i++;
            }
        }

        if (text.Length > 0)
        {
            parts.Add(new Interpolation(text.ToString(), null, ""));
        }

        return parts;
    }

    /// <summary>The literal value of a string with no access in it, or null when it holds one.</summary>
    public static string? Literal(string value)
    {
        var parts = Parse(value);
        return parts.All(p => p.Root is null) ? string.Concat(parts.Select(p => p.Text)) : null;
    }

    private static (string Root, string Accessors, int Next) Access(string value, int i)
    {
        string? root = null;
        var accessors = new StringBuilder();
        while (i < value.Length)
        {
            switch (value[i])
            {
                case '}':
                    return (root ?? "", accessors.ToString(), i + 1);
                case '.':
                    i++;
                    break;
                case '[' when i + 1 < value.Length && value[i + 1] == '"':
                    var key = new StringBuilder();
                    var j = i + 2;
                    while (true)
                    {
                        if (j >= value.Length)
                        {
                            throw new FormatException("missing closing quote in property name");
                        }

                        if (value[j] == '"')
                        {
                            j++;
                            break;
                        }

                        if (value[j] == '\\' && j + 1 < value.Length && value[j + 1] == '"')
                        {
                            key.Append('"');
                            j += 2;
                        }
                        else
                        {
                            key.Append(value[j]);
                            j++;
                        }
                    }

                    if (j >= value.Length || value[j] != ']')
                    {
                        throw new FormatException("missing closing bracket in property access");
                    }

                    Add(ref root, accessors, key.ToString(), $"[\"{key}\"]");
                    i = j + 1;
                    break;
                case '[':
                    var close = value.IndexOf(']', i);
                    if (close < 0)
                    {
                        throw new FormatException("missing closing bracket in list index");
                    }

                    if (!long.TryParse(value.AsSpan(i + 1, close - i - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                    {
                        throw new FormatException("invalid list index");
                    }

                    if (root is null)
                    {
                        throw new FormatException("the root property must be a string subscript or a name");
                    }

                    accessors.Append(CultureInfo.InvariantCulture, $"[{index}]");
                    i = close + 1;
                    break;
                default:
                    var end = i;
                    while (end < value.Length && value[end] is not ('.' or '[' or '}'))
                    {
                        end++;
                    }

                    var name = value[i..end];
                    Add(ref root, accessors, name, "." + name);
                    i = end;
                    break;
            }
        }

        throw new FormatException("unterminated interpolation");
    }

    private static void Add(ref string? root, StringBuilder accessors, string name, string written)
    {
        if (root is null)
        {
            root = name;
        }
        else
        {
            accessors.Append(written);
        }
    }
}
