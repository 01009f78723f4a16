using System.IO.Compression;
using System.Text.Json.Nodes;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Program;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Program;

public sealed class ProviderConfigTests
{
    private const string Role = "arn:aws:iam::111122223333:role/dataplatform-team";

    private static JsonObject StackConfig(Action<DataPlatform.Entities.V1Alpha1DataPlatformEnvironment>? configure = null)
    {
        var environment = ProgramFixtures.Sample("minimal.yaml");
        configure?.Invoke(environment);
        var program = StackProgramBuilder.Build(environment);
        return YamlJson.ParseAll(PulumiYamlWriter.StackConfig(program)).Single()!["config"]!.AsObject();
    }

    [Fact]
    public void An_environment_naming_a_role_gets_a_provider_that_assumes_it_with_an_external_id_and_session_of_its_own()
    {
        var config = StackConfig(e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = Role });

        var role = Assert.Single(config["aws:assumeRoles"]!.AsArray())!;
        Assert.Equal(Role, (string?)role["roleArn"]);
        Assert.Equal("dataplatform:data-team", (string?)role["externalId"]);
        Assert.Equal("dpe.data-team.analytics-dev", (string?)role["sessionName"]);
        Assert.Equal(["111122223333"], config["aws:allowedAccountIds"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("eu-west-1", (string?)config["aws:region"]);
    }

    [Fact]
    public void Without_a_role_the_stack_config_is_the_region_only_as_before()
    {
        var config = StackConfig();

        Assert.Equal(["aws:region"], config.Select(c => c.Key));
    }

    [Fact]
    public void Assume_role_keys_are_inputs_of_the_providers_ProviderAssumeRole_type()
    {
        using var file = File.OpenRead(RepoPaths.Reference("pulumi", "aws-sdk-7.48.0.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var sdk = JsonNode.Parse(gzip)!;
        var provider = sdk["resources"]!["pulumi:providers:aws"]!["inputs"]!.AsObject();
        var assumeRole = sdk["types"]!["inputs"]!["ProviderAssumeRole"]!.AsObject();
        var config = StackConfig(e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = Role });

        foreach (var key in config.Select(c => c.Key))
        {
            Assert.True(provider.ContainsKey(key["aws:".Length..]), $"{key} is not a setting of the aws provider");
        }

        Assert.Equal("ProviderAssumeRole", (string?)provider["assumeRoles"]!["shape"]!["items"]!["ref"]);
        Assert.All(config["aws:assumeRoles"]![0]!.AsObject(), p => Assert.True(assumeRole.ContainsKey(p.Key), $"{p.Key} is not a ProviderAssumeRole input"));
    }

    [Fact]
    public void A_long_session_name_is_shortened_to_stss_64_characters_and_stays_unique()
    {
        var a = StackConfig(e =>
        {
            e.Metadata.Name = new string('a', 60) + "-one";
            e.Spec.EnvironmentSuffix = "one";
            e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = Role };
        });
        var b = StackConfig(e =>
        {
            e.Metadata.Name = new string('a', 60) + "-two";
            e.Spec.EnvironmentSuffix = "two";
            e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = Role };
        });

        var first = (string)a["aws:assumeRoles"]![0]!["sessionName"]!;
        var second = (string)b["aws:assumeRoles"]![0]!["sessionName"]!;
        Assert.InRange(first.Length, 2, 64);
        Assert.Matches("^[\\w+=,.@-]+$", first);
        Assert.NotEqual(first, second);
    }
}
