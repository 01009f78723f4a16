using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Entities.Policy;
using k8s;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>What the tenancy tests ask of the harness: DataPlatformPolicies written as a platform team would, and the fake pulumi's record of a stack's runs.</summary>
internal static class TenancyHarness
{
    /// <summary>Creates the policy, or replaces the one of that name.</summary>
    public static async Task ApplyPolicyAsync(this OperatorHarness harness, string name, Action<DataPlatformPolicySpec> configure)
    {
        var policy = new V1Alpha1DataPlatformPolicy { Metadata = new() { Name = name } };
        configure(policy.Spec);
        using var client = new GenericClient(harness.Kubernetes, V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Version,
            V1Alpha1DataPlatformPolicy.Plural, disposeClient: false);
        try
        {
            var current = await client.ReadAsync<V1Alpha1DataPlatformPolicy>(name);
            policy.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            await client.ReplaceAsync(policy, name);
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await client.CreateAsync(policy);
        }
    }

    /// <summary>The history entries the fake pulumi recorded for an environment's stack (oldest first), each with the identity it ran as.</summary>
    public static JsonArray History(this OperatorHarness harness, string name, string ns = "team")
    {
        var path = Path.Combine(harness.Backend, ".pulumi", "stacks", "dataplatform", $"{ns}.{name}.json");
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!["history"]!.AsArray() : [];
    }

    /// <summary>How many resources the fake's state holds for an environment's stack.</summary>
    public static int ResourceCount(this OperatorHarness harness, string name, string ns = "team")
    {
        var path = Path.Combine(harness.Backend, ".pulumi", "stacks", "dataplatform", $"{ns}.{name}.json");
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!["resources"]!.AsObject().Count : 0;
    }
}
