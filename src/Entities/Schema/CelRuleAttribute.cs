namespace DataPlatform.Entities.Schema;

/// <summary>
/// A CEL rule the API server checks (<c>x-kubernetes-validations</c>) on the object or field it decorates.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;

    /// <summary>Optional field path the API server reports the violation at, such as <c>.maxCapacity</c>.</summary>
    public string? FieldPath { get; init; }
}
