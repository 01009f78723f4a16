using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Packaging;

public sealed class ManifestTests
{
    public static TheoryData<string> ValueSets() => new(
        "",
        "webhook.certManager.enabled=true",
        "metrics.serviceMonitor.enabled=true|--api-versions monitoring.coreos.com/v1",
        "aws.roleArn=arn:aws:iam::123456789012:role/dataplatform-operator",
        "crds.install=false",
        "operator.watchNamespaces[0]=team-a|networkPolicy.enabled=true",
        "replicaCount=1|operator.leaderElection.enabled=false|podDisruptionBudget.enabled=false|webhook.enabled=false");

    [Theory]
    [MemberData(nameof(ValueSets))]
    public async Task Helm_output_matches_the_kubernetes_schemas(string values)
    {
        var documents = await Rendered.HelmAsync(values.Split('|', StringSplitOptions.RemoveEmptyEntries));

        Assert.NotEmpty(documents);
        Assert.Empty(documents.SelectMany(Rendered.SchemaErrors));
    }

    [Fact]
    public async Task Kustomize_output_matches_the_kubernetes_schemas()
    {
        var documents = await Rendered.KustomizeAsync();

        Assert.Contains(documents, d => (string?)d["kind"] == "Deployment");
        Assert.Empty(documents.SelectMany(Rendered.SchemaErrors));
    }

    [Fact]
    public void Schema_check_rejects_a_misspelt_container_field()
    {
        var deployment = YamlJson.ParseAll(File.ReadAllText(RepoPaths.InRepo("config", "manager", "manager.yaml"))).OfType<JsonObject>().Single(d => (string?)d["kind"] == "Deployment");
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["imagee"] = "x";

        Assert.NotEmpty(Rendered.SchemaErrors(deployment));
    }

    [Fact]
    public async Task Deployments_are_hardened()
    {
        var deployments = (await Rendered.HelmAsync()).Concat(await Rendered.KustomizeAsync()).Where(d => (string?)d["kind"] == "Deployment").ToList();

        Assert.Equal(2, deployments.Count);
        foreach (var deployment in deployments)
        {
            var pod = deployment["spec"]!["template"]!["spec"]!;
            var container = pod["containers"]![0]!;
            Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
            Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
            Assert.True((bool)container["securityContext"]!["readOnlyRootFilesystem"]!);
            Assert.False((bool)container["securityContext"]!["allowPrivilegeEscalation"]!);
            Assert.Equal(["ALL"], container["securityContext"]!["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
            Assert.Equal("/healthz", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/readyz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
            Assert.NotNull(container["resources"]!["limits"]);
            Assert.Equal(["run"], container["args"]!.AsArray().Select(a => (string?)a));
        }
    }

    [Fact]
    public async Task Irsa_role_arn_reaches_the_service_account()
    {
        var account = (await Rendered.HelmAsync("aws.roleArn=arn:aws:iam::123456789012:role/op")).Single(d => (string?)d["kind"] == "ServiceAccount");

        Assert.Equal("arn:aws:iam::123456789012:role/op", (string?)account["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]);
    }

    [Fact]
    public async Task Chart_crd_is_the_generated_crd_and_is_kept_on_uninstall()
    {
        var generated = File.ReadAllText(RepoPaths.InRepo("config", "crd", "bases", "dataplatform.io_dataplatformenvironments.yaml"));
        var copy = File.ReadAllText(RepoPaths.InRepo("charts", "dataplatform-operator", "files", "crd.yaml"));
        Assert.True(generated == copy, "charts/dataplatform-operator/files/crd.yaml drifted from config/crd/bases; regenerate both with generate-crd --out config/crd/bases/dataplatform.io_dataplatformenvironments.yaml --out charts/dataplatform-operator/files/crd.yaml.");

        var crd = (await Rendered.HelmAsync()).Single(d => (string?)d["kind"] == "CustomResourceDefinition");
        var expected = YamlJson.ParseAll(generated).Single()!.AsObject();
        Assert.True(JsonNode.DeepEquals(expected["spec"], crd["spec"]), "the rendered CRD's spec differs from the generated one");
        Assert.Equal("keep", (string?)crd["metadata"]!["annotations"]!["helm.sh/resource-policy"]);
        Assert.DoesNotContain(await Rendered.HelmAsync("crds.install=false"), d => (string?)d["kind"] == "CustomResourceDefinition");
    }

    [Fact]
    public void Dockerfile_pins_the_plugin_versions_the_program_is_checked_against()
    {
        var dockerfile = File.ReadAllText(RepoPaths.InRepo("Dockerfile"));
        var aws = (string)JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("pulumi", "aws-schema-subset.json")))!["version"]!;
        var random = (string?)JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("pulumi", "random-schema-subset.json")))!["version"];

        Assert.Contains($"ARG PULUMI_AWS_VERSION={aws}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ARG PULUMI_RANDOM_VERSION={random ?? "4.21.1"}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER 65532", dockerfile, StringComparison.Ordinal);
    }
}
