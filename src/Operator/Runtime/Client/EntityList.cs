using System.Text.Json.Serialization;
using k8s.Models;

namespace DataPlatform.Operator.Runtime.Client;

/// <summary>A list response: its resourceVersion and items.</summary>
internal sealed class EntityList<TEntity>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public List<TEntity>? Items { get; set; }
}
