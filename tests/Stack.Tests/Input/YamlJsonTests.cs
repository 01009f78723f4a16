using DataPlatform.Stack.Input;

namespace DataPlatform.Stack.Tests.Input;

public sealed class YamlJsonTests
{
    [Theory]
    [InlineData("a: 1", "{\"a\":1}")]
    [InlineData("a: \"1\"", "{\"a\":\"1\"}")]
    [InlineData("a: 0.5", "{\"a\":0.5}")]
    [InlineData("a: true", "{\"a\":true}")]
    [InlineData("a: 'true'", "{\"a\":\"true\"}")]
    [InlineData("a: ~", "{\"a\":null}")]
    [InlineData("a: 03:00-04:00", "{\"a\":\"03:00-04:00\"}")]
    [InlineData("a: [x, 2]", "{\"a\":[\"x\",2]}")]
    public void Plain_scalars_keep_their_yaml_type_and_quoted_ones_stay_strings(string yaml, string json)
    {
        Assert.Equal(json, YamlJson.ParseAll(yaml).Single()!.ToJsonString());
    }
}
