namespace DataPlatform.Entities.Schema;

/// <summary>The numeric value must be a multiple of <see cref="Value"/> (OpenAPI <c>multipleOf</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultipleOfAttribute(double value) : Attribute
{
    public double Value { get; } = value;
}
