using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;

namespace DataPlatform.Entities.Policy;

/// <summary>Namespaces by name, by label selector, or both (a namespace matching either is selected).</summary>
[CelRule("(has(self.names) && self.names.size() > 0) || has(self.selector)", "namespaces needs names or a selector.")]
public sealed class NamespaceSelection
{
    /// <summary>Namespace names.</summary>
    [JsonPropertyName("names")]
    [MaxLength(500)]
    public List<string> Names { get; set; } = [];

    /// <summary>A label selector over namespaces (matchLabels and matchExpressions, as in Kubernetes label selectors).</summary>
    [JsonPropertyName("selector")]
    public NamespaceLabelSelector? Selector { get; set; }
}
