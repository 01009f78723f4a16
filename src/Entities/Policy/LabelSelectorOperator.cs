using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Policy;

/// <summary>How a label selector requirement compares a namespace's label with its values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LabelSelectorOperator>))]
public enum LabelSelectorOperator
{
    /// <summary>The label is set to one of the values.</summary>
    In,

    /// <summary>The label is absent or set to none of the values.</summary>
    NotIn,

    /// <summary>The label is set.</summary>
    Exists,

    /// <summary>The label is not set.</summary>
    DoesNotExist,
}
