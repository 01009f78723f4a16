using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Entities.Policy;
using DataPlatform.Operator.Policy;
using DataPlatform.Operator.Runtime;
using DataPlatform.Operator.Tests.Runtime.Client;
using DataPlatform.Operator.Webhooks;
using k8s;

namespace DataPlatform.Operator.Tests.Webhooks;

/// <summary>The tenancy half of admission: policies judged on what a request changes, and name clashes with the environments the operator manages.</summary>
public sealed class TenancyAdmissionTests
{
    private static V1Alpha1DataPlatformPolicy RegionPolicy(params string[] regions)
    {
        var policy = new V1Alpha1DataPlatformPolicy { Metadata = new() { Name = "platform" } };
        policy.Spec.Namespaces.Names = ["team"];
        policy.Spec.Identity.AllowOperatorIdentity = true;
        policy.Spec.AllowedRegions = [.. regions];
        return policy;
    }

    private static JsonObject Environment(string name, string region = "eu-west-1", string? suffix = null, string ns = "team") => new()
    {
        ["apiVersion"] = "dataplatform.io/v1alpha1",
        ["kind"] = "DataPlatformEnvironment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = suffix is null ? new JsonObject { ["region"] = region } : new JsonObject { ["region"] = region, ["environmentSuffix"] = suffix },
    };

    private static string Review(string operation, JsonObject obj, JsonObject? old = null) => new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = "1",
            ["operation"] = operation,
            ["namespace"] = (string?)obj["metadata"]!["namespace"],
            ["object"] = obj.DeepClone(),
            ["oldObject"] = old?.DeepClone(),
        },
    }.ToJsonString();

    private static async Task<(ApiServerFixture Api, TenancyAdmission Admission, PolicySource Policies)> StartAsync(params string[] watchNamespaces)
    {
        var api = await ApiServerFixture.StartAsync();
        var policies = new PolicySource(api.Client);
        policies.Replace([]);
        return (api, new TenancyAdmission(policies, api.Client, new OperatorOptions { WatchNamespaces = [.. watchNamespaces] }), policies);
    }

    [Fact]
    public async Task With_no_policy_and_no_other_environment_everything_is_admitted()
    {
        var (api, admission, _) = await StartAsync();
        await using var _1 = api;

        Assert.Null(await admission.JudgeAsync(Review("CREATE", Environment("analytics", region: "us-east-1")), CancellationToken.None));
    }

    [Fact]
    public async Task An_update_is_judged_only_on_the_violations_it_adds()
    {
        var (api, admission, policies) = await StartAsync();
        await using var _1 = api;
        policies.Replace([RegionPolicy("eu-central-1")]);
        var before = Environment("analytics");
        var retagged = Environment("analytics");
        retagged["spec"]!["tags"] = new JsonObject { ["team"] = "data" };
        var annotated = Environment("analytics");
        annotated["metadata"]!["annotations"] = new JsonObject { ["dataplatform.io/paused"] = "true" };

        Assert.Null(await admission.JudgeAsync(Review("UPDATE", annotated, before), CancellationToken.None));
        Assert.Null(await admission.JudgeAsync(Review("UPDATE", retagged, before), CancellationToken.None));
        var created = await admission.JudgeAsync(Review("CREATE", Environment("reporting")), CancellationToken.None);
        Assert.Contains("DataPlatformPolicy platform, rule spec.allowedRegions: spec.region: region eu-west-1 is not allowed (allowed: eu-central-1).", created, StringComparison.Ordinal);
        Assert.Null(await admission.JudgeAsync(Review("DELETE", before), CancellationToken.None));
    }

    [Fact]
    public async Task A_name_another_environment_holds_is_refused_naming_it_and_only_watched_namespaces_are_looked_at()
    {
        var (api, admission, _) = await StartAsync();
        await using var _1 = api;
        var (namespacedApi, namespacedAdmission, _) = await StartAsync("team-b");
        await using var _2 = namespacedApi;
        foreach (var server in new[] { api, namespacedApi })
        {
            using var client = new GenericClient(server.Kubernetes, V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Version,
                V1Alpha1DataPlatformEnvironment.Plural, disposeClient: false);
            await client.CreateNamespacedAsync(KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(Environment("analytics", suffix: "prod").ToJsonString()), "team");
        }

        var denial = await admission.JudgeAsync(Review("CREATE", Environment("reporting", suffix: "prod")), CancellationToken.None);

        Assert.Contains("is already used in account (operator's account) by DataPlatformEnvironment team/analytics", denial, StringComparison.Ordinal);
        Assert.Contains("Set spec.environmentSuffix", denial, StringComparison.Ordinal);
        Assert.Null(await admission.JudgeAsync(Review("UPDATE", Environment("analytics", suffix: "prod"), Environment("analytics")), CancellationToken.None));
        Assert.Null(await namespacedAdmission.JudgeAsync(Review("CREATE", Environment("reporting", suffix: "prod")), CancellationToken.None));
    }
}
