using System.Globalization;
using System.Text.RegularExpressions;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// An approximation of apiextensions' static CEL cost check (per rule 10,000,000, per CRD 100,000,000): a rule
/// costs a base amount plus, for each comprehension (<c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>,
/// <c>filter</c>) over a field, the collection's largest size times its body, plus a tenth of a string's largest
/// length for each string function that walks it; all multiplied by how many times the node can occur (the
/// sizes of the lists and maps above it). Sizes come from <c>maxItems</c>/<c>maxProperties</c>/<c>maxLength</c>,
/// or, when absent, from the 3 MiB request limit, as the API server estimates them. cel-go's estimator walks the
/// checked AST and is finer; this one is a regular-expression reading of the rule (see SEMANTICS.md).
/// </summary>
internal static partial class CelCostEstimator
{
    public const long PerRuleLimit = 10_000_000;
    public const long PerCrdLimit = 100_000_000;
    private const long MaxRequestBytes = 3 * 1024 * 1024;
    private const long BaseCost = 10;

    public static IEnumerable<FieldCause> Check(SchemaNode root)
    {
        var causes = new List<FieldCause>();
        double total = 0;
        Walk(root, 1, causes, ref total);
        if (total > PerCrdLimit)
        {
            causes.Add(FieldCause.ForbiddenValue(root.SchemaPath,
                string.Create(CultureInfo.InvariantCulture, $"x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of {total / PerCrdLimit:0.######}x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)")));
        }

        return causes;
    }

    public static double Estimate(CelRule rule, SchemaNode node)
    {
        double cost = BaseCost;
        var iterationVariables = new Dictionary<string, (SchemaNode? Element, double Iterations)>(StringComparer.Ordinal);
        foreach (Match m in Comprehension().Matches(rule.Rule))
        {
            var collection = Resolve(m.Groups["receiver"].Value, node);
            var iterations = collection is null ? 1 : MaxSize(collection);
            var element = collection?.Items;
            iterationVariables[m.Groups["var"].Value] = (element, iterations);
            cost += iterations * BaseCost;
        }

        foreach (Match m in StringWalk().Matches(rule.Rule))
        {
            var receiver = m.Groups["receiver"].Value;
            var head = receiver.Split('.')[0];
            if (iterationVariables.TryGetValue(head, out var variable))
            {
                var length = variable.Element is { } element ? MaxLength(element) : 1;
                cost += variable.Iterations * Math.Ceiling(length * 0.1);
            }
            else if (Resolve(receiver, node) is { } field)
            {
                cost += Math.Ceiling(MaxLength(field) * 0.1);
            }
        }

        return cost;
    }

    private static void Walk(SchemaNode node, double cardinality, List<FieldCause> causes, ref double total)
    {
        foreach (var rule in node.Rules.Where(r => r.CompileError is null))
        {
            var cost = Estimate(rule, node) * cardinality;
            total += cost;
            if (cost > PerRuleLimit)
            {
                causes.Add(FieldCause.ForbiddenValue($"{rule.SchemaPath}.rule",
                    string.Create(CultureInfo.InvariantCulture, $"estimated rule cost exceeds budget by factor of {cost / PerRuleLimit:0.######}x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)")));
            }
        }

        foreach (var child in node.Properties.Values)
        {
            Walk(child, cardinality, causes, ref total);
        }

        if (node.Items is { } items)
        {
            Walk(items, cardinality * MaxSize(node), causes, ref total);
        }

        if (node.AdditionalProperties is { } additional)
        {
            Walk(additional, cardinality * MaxSize(node), causes, ref total);
        }
    }

    /// <summary>The schema of <c>self.a.b</c> relative to the rule's node; null for anything else.</summary>
    private static SchemaNode? Resolve(string expression, SchemaNode node)
    {
        var parts = expression.Split('.');
        if (parts[0] is not ("self" or "oldSelf"))
        {
            return null;
        }

        var current = node;
        foreach (var part in parts.Skip(1))
        {
            current = current.Properties.GetValueOrDefault(part) ?? current.AdditionalProperties;
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static double MaxSize(SchemaNode collection) =>
        collection.Long("maxItems") ?? collection.Long("maxProperties") ?? MaxRequestBytes / MinElementBytes(collection);

    private static double MaxLength(SchemaNode node) =>
        node.Type == "string" ? node.Long("maxLength") ?? MaxRequestBytes : 1;

    /// <summary>The smallest JSON an element can take (<c>"",</c> for a string, <c>{},</c> for an object), as the estimator assumes.</summary>
    private static long MinElementBytes(SchemaNode collection)
    {
        var element = collection.Items ?? collection.AdditionalProperties;
        var elementBytes = element?.Type switch
        {
            "string" => 3,
            "object" or "array" => 3,
            "boolean" => 5,
            _ => 2,
        };
        return collection.AdditionalProperties is null ? elementBytes : elementBytes + 4;
    }

    [GeneratedRegex(@"(?<receiver>(?:self|oldSelf)(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.(?:all|exists|exists_one|map|filter)\(\s*(?<var>[A-Za-z_][A-Za-z0-9_]*)\s*,")]
    private static partial Regex Comprehension();

    [GeneratedRegex(@"(?<receiver>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.(?:lowerAscii|upperAscii|trim|startsWith|endsWith|contains|matches|split|replace|indexOf|lastIndexOf)\(")]
    private static partial Regex StringWalk();
}
