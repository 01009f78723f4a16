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
        "replicaCount=1|operator.leaderElection.enabled=false|podDisruptionBudget.enabled=false|webhook.enabled=false",
        "metrics.prometheusRule.enabled=true|metrics.dashboard.enabled=true|--api-versions monitoring.coreos.com/v1",
        "webhook.existingCertificate.secretName=mine|webhook.existingCertificate.caBundle=Q0E=",
        "webhook.certManager.enabled=true|webhook.certManager.issuerRef.name=corp-ca|webhook.certManager.issuerRef.kind=ClusterIssuer",
        "fullnameOverride=dpo|priorityClassName=system-cluster-critical|podLabels.team=platform|logging.format=json|extraEnv[0].name=HTTPS_PROXY|extraEnv[0].value=http://proxy:3128|extraVolumes[0].name=ca|extraVolumes[0].configMap.name=corp-ca|extraVolumeMounts[0].name=ca|extraVolumeMounts[0].mountPath=/etc/ssl/corp",
        "resources.requests.memory=1Gi|resources.limits.memory=2Gi|terminationGracePeriodSeconds=300|image.digest=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

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
    public async Task Chart_conventions_reach_the_pod()
    {
        var documents = await Rendered.HelmAsync(
            "fullnameOverride=dpo", "priorityClassName=system-cluster-critical", "podLabels.team=platform", "podAnnotations.note=x",
            "logging.format=json", "logging.level=Debug", "operator.leaderElection.leaseName=my-lease",
            "extraEnv[0].name=HTTPS_PROXY", "extraEnv[0].value=http://proxy:3128",
            "extraVolumes[0].name=ca", "extraVolumes[0].configMap.name=corp-ca", "extraVolumeMounts[0].name=ca", "extraVolumeMounts[0].mountPath=/etc/ssl/corp");
        var deployment = documents.Single(d => (string?)d["kind"] == "Deployment");
        var pod = deployment["spec"]!["template"]!;
        var container = pod["spec"]!["containers"]![0]!;
        string? Env(string name) => (string?)container["env"]!.AsArray().SingleOrDefault(e => (string?)e!["name"] == name)?["value"];

        Assert.Equal("dpo", (string?)deployment["metadata"]!["name"]);
        Assert.Equal("system-cluster-critical", (string?)pod["spec"]!["priorityClassName"]);
        Assert.Equal("platform", (string?)pod["metadata"]!["labels"]!["team"]);
        Assert.Equal("x", (string?)pod["metadata"]!["annotations"]!["note"]);
        Assert.Equal("json", Env("DATAPLATFORM_Logging__Format"));
        Assert.Equal("Debug", Env("DATAPLATFORM_Logging__LogLevel__Default"));
        Assert.Equal("my-lease", Env("DATAPLATFORM_Operator__LeaderElection__LeaseName"));
        Assert.Equal("http://proxy:3128", Env("HTTPS_PROXY"));
        Assert.Equal("0", Env("DOTNET_gcServer"));
        Assert.NotNull(Env("DOTNET_GCHeapHardLimit"));
        Assert.Equal("0x200000", Env("DOTNET_GCgen0size"));
        Assert.Equal("2", Env("MALLOC_ARENA_MAX"));
        Assert.Contains(pod["spec"]!["volumes"]!.AsArray(), v => (string?)v!["name"] == "ca");
        Assert.Contains(container["volumeMounts"]!.AsArray(), v => (string?)v!["mountPath"] == "/etc/ssl/corp");
        Assert.All(pod["spec"]!["volumes"]!.AsArray().Where(v => v!["emptyDir"] is not null), v => Assert.NotNull(v!["emptyDir"]!["sizeLimit"]));
        Assert.Equal("r1", (string?)pod["spec"]!["topologySpreadConstraints"]![0]!["labelSelector"]!["matchLabels"]!["app.kubernetes.io/instance"]);
    }

    [Theory]
    [InlineData(1, 4, 320 + (4 * 1400))]
    [InlineData(8, 8, 320 + (8 * 1400))]
    public async Task Memory_limits_follow_the_configured_concurrency_in_process(int replicas, int concurrency, int limitMiB)
    {
        var deployment = (await Rendered.HelmAsync("engine.mode=InProcess", $"replicaCount={replicas}", $"operator.maxConcurrentReconciles={concurrency}")).Single(d => (string?)d["kind"] == "Deployment");
        var resources = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!;

        Assert.Equal($"{limitMiB}Mi", (string?)resources["limits"]!["memory"]);
        Assert.Equal($"{320 + (concurrency * 600)}Mi", (string?)resources["requests"]!["memory"]);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    public async Task In_job_mode_the_operator_stays_small_whatever_the_concurrency_and_jobs_get_the_image_and_resources(int concurrency)
    {
        var deployment = (await Rendered.HelmAsync($"operator.maxConcurrentReconciles={concurrency}", "image.tag=1.2.3")).Single(d => (string?)d["kind"] == "Deployment");
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var env = container["env"]!.AsArray();
        string? Env(string name) => (string?)env.SingleOrDefault(e => (string?)e!["name"] == name)?["value"];

        Assert.Equal($"{320 + 256}Mi", (string?)container["resources"]!["limits"]!["memory"]);
        Assert.Equal("Job", Env("DATAPLATFORM_Engine__Mode"));
        Assert.Equal((string?)container["image"], Env("DATAPLATFORM_Engine__Job__Image"));
        Assert.Equal("2Gi", Env("DATAPLATFORM_Engine__Job__MemoryLimit"));
        Assert.Equal("1.00:00:00", Env("DATAPLATFORM_Engine__Job__TtlAfterFinished"));
        Assert.Equal("16", Env("DATAPLATFORM_Engine__Job__Parallel"));
        Assert.Equal("4", Env("DATAPLATFORM_Engine__Job__MaxCpu"));
        Assert.Equal("8Gi", Env("DATAPLATFORM_Engine__Job__MaxMemory"));
        Assert.Equal("64", Env("DATAPLATFORM_Engine__Job__MaxParallel"));
    }

    [Fact]
    public async Task The_grace_period_covers_drain_interrupt_and_cleanup_and_a_shorter_one_is_refused()
    {
        var deployment = (await Rendered.HelmAsync("operator.shutdown.drainSeconds=45", "engine.cancelGracePeriodSeconds=60")).Single(d => (string?)d["kind"] == "Deployment");
        var spec = deployment["spec"]!["template"]!["spec"]!;
        var env = spec["containers"]![0]!["env"]!.AsArray();

        Assert.Equal(45 + 60 + 40, (long)spec["terminationGracePeriodSeconds"]!);
        Assert.Equal("00:02:15", (string?)env.Single(e => (string?)e!["name"] == "DATAPLATFORM_Host__ShutdownTimeout")!["value"]);
        Assert.Equal("00:00:45", (string?)env.Single(e => (string?)e!["name"] == "DATAPLATFORM_Operator__ShutdownTimeout")!["value"]);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Rendered.HelmAsync("terminationGracePeriodSeconds=30"));
        Assert.Contains("shorter than the shutdown budget", refused.Message, StringComparison.Ordinal);
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

        var crd = (await Rendered.HelmAsync()).Single(d => (string?)d["kind"] == "CustomResourceDefinition"
            && (string?)d["metadata"]!["name"] == "dataplatformenvironments.dataplatform.io");
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
        Assert.Contains("ENTRYPOINT [\"/usr/bin/tini\", \"--\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("DOTNET_gcServer=0", dockerfile, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCHeapHardLimit=", dockerfile, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCgen0size=0x200000", dockerfile, StringComparison.Ordinal);
        Assert.Contains("MALLOC_ARENA_MAX=2", dockerfile, StringComparison.Ordinal);
    }
}
