using YamlDotNet.RepresentationModel;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// Checks a program's expressions as pulumi-yaml does before it registers anything: every string (and map key) in
/// variables, resource properties and options, and outputs is parsed for interpolations; an access whose root
/// names no resource, variable, config key or the built-in <c>pulumi</c> is the error pulumi-yaml reports
/// (run.go EvalMissing: <c>resource, variable, or config value "x" not found</c>); a malformed access is the
/// parser's own error. Property paths after the root are not checked against schemas (SEMANTICS.md).
/// </summary>
internal static class ProgramReferences
{
    public static IReadOnlyList<string> Errors(YamlMappingNode root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "pulumi" };
        foreach (var section in new[] { "resources", "variables", "config" })
        {
            if (Child(root, section) is YamlMappingNode map)
            {
                names.UnionWith(map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""));
            }
        }

        var errors = new List<string>();
        foreach (var scalar in Expressions(root))
        {
            try
            {
                foreach (var part in Interpolation.Parse(scalar.Value!))
                {
                    if (part.Root is { } name && !names.Contains(name))
                    {
                        errors.Add(Located(scalar, $"resource, variable, or config value \"{name}\" not found"));
                    }
                }
            }
            catch (FormatException e)
            {
                errors.Add(Located(scalar, e.Message));
            }
        }

        return errors;
    }

    /// <summary>Every access in the program's expressions, as <c>root.path</c>, in document order.</summary>
    public static IReadOnlyList<string> Accesses(YamlMappingNode root) => Expressions(root)
        .SelectMany(s => Interpolation.Parse(s.Value!))
        .Where(p => p.Root is not null)
        .Select(p => p.Root + p.Accessors)
        .ToList();

    /// <summary>Every string scalar, keys included, that pulumi-yaml evaluates as an expression.</summary>
    public static IEnumerable<YamlScalarNode> Expressions(YamlMappingNode root)
    {
        foreach (var section in new[] { "variables", "outputs" })
        {
            if (Child(root, section) is YamlMappingNode map)
            {
                foreach (var scalar in map.Children.Values.SelectMany(Scalars))
                {
                    yield return scalar;
                }
            }
        }

        if (Child(root, "resources") is YamlMappingNode resources)
        {
            foreach (var body in resources.Children.Values.OfType<YamlMappingNode>())
            {
                foreach (var part in new[] { "properties", "options", "get" })
                {
                    if (Child(body, part) is { } node)
                    {
                        foreach (var scalar in Scalars(node))
                        {
                            yield return scalar;
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode { Value: not null } scalar => [scalar],
        YamlSequenceNode list => list.Children.SelectMany(Scalars),
        YamlMappingNode map => map.Children.SelectMany(p => Scalars(p.Key).Concat(Scalars(p.Value))),
        _ => [],
    };

    private static string Located(YamlNode node, string message) => $"Pulumi.yaml:{node.Start.Line},{node.Start.Column}: {message}";

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
