using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Operator.Crd;
using DataPlatform.Operator.Tests.Packaging;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Crd;

/// <summary>The cluster-scoped DataPlatformPolicy CRD: generated, checked in twice without drift, valid, and installed by the chart.</summary>
public sealed class PolicyCrdTests
{
    private static string CheckedIn => File.ReadAllText(RepoPaths.InRepo(PolicyCrd.RelativePath.Split('/')));

    [Fact]
    public void Checked_in_policy_crd_matches_the_entity_types()
    {
        Assert.True(CrdGenerator.GeneratePolicyYaml() == CheckedIn,
            $"{PolicyCrd.RelativePath} drifted from src/Entities/Policy. Regenerate it with: dotnet run --project src/Operator -- generate-crd "
            + $"--policy-out {PolicyCrd.RelativePath} --policy-out {PolicyCrd.ChartRelativePath}");
        Assert.True(File.ReadAllText(RepoPaths.InRepo(PolicyCrd.ChartRelativePath.Split('/'))) == CheckedIn,
            $"{PolicyCrd.ChartRelativePath} drifted from {PolicyCrd.RelativePath}; regenerate both.");
    }

    [Fact]
    public void Policy_crd_is_a_valid_cluster_scoped_kubernetes_1_33_CustomResourceDefinition()
    {
        var crd = (JsonObject)YamlJson.ParseAll(CheckedIn).Single()!;

        Assert.Empty(CrdSchemas.KubernetesCrd.Validate(crd.ToJsonString()).Select(e => e.ToString()));
        Assert.Equal("dataplatformpolicies.dataplatform.io", (string?)crd["metadata"]!["name"]);
        Assert.Equal("Cluster", (string?)crd["spec"]!["scope"]);
        Assert.Equal(["dpp"], crd["spec"]!["names"]!["shortNames"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["Namespaces", "Regions", "Accounts", "StaticKeys", "Age"],
            crd["spec"]!["versions"]![0]!["additionalPrinterColumns"]!.AsArray().Select(c => (string?)c!["name"]));
    }

    [Fact]
    public void Policy_crd_installs_into_the_fake_api_server_as_apiextensions_would()
    {
        var installed = ResourceType.FromCrd(CheckedIn);

        Assert.Equal("dataplatformpolicies", installed.Plural);
        Assert.False(installed.StatusSubresource);
    }

    [Fact]
    public void A_policy_that_selects_no_namespace_is_refused_by_the_schema()
    {
        var schema = CrdSchemas.EnvironmentSchemaOf((JsonObject)YamlJson.ParseAll(CheckedIn).Single()!);
        var errors = CrdSchemas.Errors(schema, """
            apiVersion: dataplatform.io/v1alpha1
            kind: DataPlatformPolicy
            metadata: {name: platform}
            spec: {allowedRegions: [eu-west-1]}
            """);

        Assert.Contains(errors, e => e.Contains("namespaces", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chart_installs_the_generated_policy_crd_and_keeps_it_on_uninstall()
    {
        var crd = (await Rendered.HelmAsync()).Single(d => (string?)d["kind"] == "CustomResourceDefinition"
            && (string?)d["metadata"]!["name"] == "dataplatformpolicies.dataplatform.io");
        var expected = YamlJson.ParseAll(CheckedIn).Single()!.AsObject();

        Assert.True(JsonNode.DeepEquals(expected["spec"], crd["spec"]), "the rendered policy CRD's spec differs from the generated one");
        Assert.Equal("keep", (string?)crd["metadata"]!["annotations"]!["helm.sh/resource-policy"]);
    }
}
