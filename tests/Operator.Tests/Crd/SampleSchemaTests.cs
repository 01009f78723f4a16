using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Crd;

public sealed class SampleSchemaTests
{
    public static TheoryData<string> Samples() => new(SampleNames());

    private static IEnumerable<string> SampleNames() =>
        Directory.GetFiles(RepoPaths.InRepo("config", "samples"), "*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != "kustomization.yaml")
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_is_valid_against_the_crd_schema(string sample)
    {
        var yaml = File.ReadAllText(RepoPaths.InRepo("config", "samples", sample));

        Assert.Empty(CrdSchemas.Errors(CrdSchemas.Environment, yaml));
    }

    [Fact]
    public void Samples_include_minimal_and_full()
    {
        var names = SampleNames().ToList();

        Assert.Contains("minimal.yaml", names);
        Assert.Contains("full.yaml", names);
    }

    [Fact]
    public void Minimal_sample_is_three_lines_of_spec_or_fewer()
    {
        var yaml = File.ReadAllText(RepoPaths.InRepo("config", "samples", "minimal.yaml"));

        Assert.Contains("region", yaml, StringComparison.Ordinal);
        Assert.True(yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 4, "minimal.yaml should hold only what is required");
    }

    [Theory]
    [InlineData("minimal.yaml", "spec: {region: eu-west-1}", "spec: {}")]
    [InlineData("full.yaml", "  region: eu-south-2\n", "")]
    [InlineData("full.yaml", "    engine: aurora-postgresql", "    engine: mysql")]
    [InlineData("full.yaml", "    azCount: 3", "    azCount: \"3\"")]
    [InlineData("full.yaml", "    versioning: true", "    versioning: true\n    versionning: true")]
    [InlineData("full.yaml", "maxCapacity: 8,", "maxCapacity: 8.25,")]
    [InlineData("full.yaml", "  logging: {retentionDays: 30}", "  logging: {retentionDays: 45}")]
    public void Schema_check_rejects_a_broken_sample(string sample, string from, string to)
    {
        var yaml = File.ReadAllText(RepoPaths.InRepo("config", "samples", sample));
        Assert.Contains(from, yaml, StringComparison.Ordinal);

        Assert.NotEmpty(CrdSchemas.Errors(CrdSchemas.Environment, yaml.Replace(from, to, StringComparison.Ordinal)));
    }
}
