using DataPlatform.Stack.Input;
using DataPlatform.Stack.Program;
using DataPlatform.TestSupport;
using NJsonSchema;
using static DataPlatform.Stack.Tests.Program.ProgramFixtures;

namespace DataPlatform.Stack.Tests.Program;

public sealed class ProjectFileSchemaTests
{
    private static readonly JsonSchema ProjectSchema =
        JsonSchema.FromFileAsync(RepoPaths.Reference("pulumi", "project-file.schema.json")).GetAwaiter().GetResult();

    [Theory]
    [InlineData("minimal.yaml")]
    [InlineData("full.yaml")]
    public void Pulumi_yaml_is_a_valid_project_file(string sample)
    {
        var json = YamlJson.ParseAll(Yaml(Sample(sample))).Single()!.ToJsonString();

        Assert.Empty(ProjectSchema.Validate(json).Select(e => e.ToString()));
    }

    [Fact]
    public void Project_schema_check_rejects_a_project_without_a_name()
    {
        var program = Written(Sample("minimal.yaml"));
        program.Remove("name");

        Assert.NotEmpty(ProjectSchema.Validate(program.ToJsonString()));
    }

    [Fact]
    public void Stack_file_holds_the_region_under_the_provider_namespace()
    {
        var program = Build(Sample("full.yaml"));
        var stack = YamlJson.ParseAll(PulumiYamlWriter.StackConfig(program)).Single()!;

        Assert.Equal("eu-south-2", (string?)stack["config"]!["aws:region"]);
        Assert.Equal("Pulumi.data-team.analytics-prod.yaml", PulumiYamlWriter.StackFileName(program));
    }
}
