using DataPlatform.Entities.Policy;

namespace DataPlatform.Stack.Policy;

/// <summary>Whether a policy's namespaces select a namespace: by name, or by its labels as a Kubernetes label selector matches them.</summary>
public static class NamespaceMatcher
{
    public static bool Selects(NamespaceSelection selection, string ns, IReadOnlyDictionary<string, string>? labels)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.Names.Contains(ns, StringComparer.Ordinal)
            || (selection.Selector is { } selector && Matches(selector, labels ?? new Dictionary<string, string>()));
    }

    /// <summary>Whether any policy selects namespaces by labels (then the namespace's labels must be read).</summary>
    public static bool NeedsLabels(IEnumerable<V1Alpha1DataPlatformPolicy> policies) => policies.Any(p => p.Spec.Namespaces.Selector is not null);

    private static bool Matches(NamespaceLabelSelector selector, IReadOnlyDictionary<string, string> labels) =>
        selector.MatchLabels.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value)
        && selector.MatchExpressions.All(e => e.Operator switch
        {
            LabelSelectorOperator.In => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v, StringComparer.Ordinal),
            LabelSelectorOperator.NotIn => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v, StringComparer.Ordinal),
            LabelSelectorOperator.Exists => labels.ContainsKey(e.Key),
            LabelSelectorOperator.DoesNotExist => !labels.ContainsKey(e.Key),
            _ => false,
        });
}
