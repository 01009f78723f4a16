using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Schema;

namespace DataPlatform.Entities.Policy;

/// <summary>One requirement of a label selector: a key, an operator and, for In and NotIn, values.</summary>
[CelRule("(self.operator == 'In' || self.operator == 'NotIn') == (has(self.values) && self.values.size() > 0)", "values must be non-empty for In and NotIn and empty for Exists and DoesNotExist.")]
public sealed class LabelSelectorRequirement
{
    /// <summary>The label key.</summary>
    [JsonPropertyName("key")]
    [Required]
    [StringLength(317, MinimumLength = 1)]
    public string Key { get; set; } = "";

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    [JsonPropertyName("operator")]
    [Required]
    public LabelSelectorOperator Operator { get; set; }

    /// <summary>Values for In and NotIn.</summary>
    [JsonPropertyName("values")]
    [MaxLength(100)]
    public List<string> Values { get; set; } = [];
}
