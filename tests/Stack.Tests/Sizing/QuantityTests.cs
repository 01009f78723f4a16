using DataPlatform.Stack.Sizing;

namespace DataPlatform.Stack.Tests.Sizing;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("1Gi", "1024Mi")]
    [InlineData("1Gi", "1073741824")]
    [InlineData("1024Mi", "1073741824")]
    [InlineData("500m", "0.5")]
    [InlineData("1", "1000m")]
    [InlineData("1k", "1000")]
    [InlineData("1e3", "1k")]
    [InlineData("2.5Gi", "2560Mi")]
    [InlineData("1G", "1000M")]
    public void Equal_quantities_compare_equal_whatever_their_suffix(string a, string b)
    {
        Assert.Equal(Quantity.Value(a), Quantity.Value(b));
        Assert.False(Quantity.Exceeds(a, b));
        Assert.False(Quantity.Exceeds(b, a));
    }

    [Theory]
    [InlineData("1025Mi", "1Gi")]
    [InlineData("1Gi", "1G")]
    [InlineData("501m", "0.5")]
    [InlineData("4001m", "4")]
    [InlineData("8Gi", "8G")]
    public void A_larger_quantity_exceeds_a_smaller_one(string larger, string smaller)
    {
        Assert.True(Quantity.Exceeds(larger, smaller));
        Assert.False(Quantity.Exceeds(smaller, larger));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("1GB")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1 Gi")]
    [InlineData(" 1Gi")]
    [InlineData("+1Gi")]
    public void Text_that_is_no_positive_quantity_is_refused(string text)
    {
        Assert.False(Quantity.IsPositive(text));
    }

    [Fact]
    public void A_bound_that_is_no_quantity_bounds_nothing()
    {
        Assert.False(Quantity.Exceeds("16Gi", null));
        Assert.False(Quantity.Exceeds("16Gi", "lots"));
    }
}
