using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Operator.Tests.Runtime.Client;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Doubles;

/// <summary>The fake API server refuses a Job whose container requests more than its limit, as core validation does.</summary>
public sealed class ContainerResourcesTests
{
    private static V1Job Job(string name, string request, string limit) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec
        {
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec
                {
                    RestartPolicy = "Never",
                    Containers = [new V1Container
                    {
                        Name = "engine",
                        Image = "operator:1",
                        Resources = new V1ResourceRequirements
                        {
                            Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new(request) },
                            Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(limit) },
                        },
                    }],
                },
            },
        },
    };

    [Fact]
    public async Task A_request_above_its_limit_is_invalid_and_an_equal_one_in_other_units_is_not()
    {
        await using var server = new FakeApiServer([ApiServerFixture.Environments]);
        await server.StartAsync();
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString() });

        var refused = await Assert.ThrowsAsync<HttpOperationException>(() => client.BatchV1.CreateNamespacedJobAsync(Job("big", "3Gi", "2Gi"), "engines"));
        await client.BatchV1.CreateNamespacedJobAsync(Job("even", "1024Mi", "1Gi"), "engines");

        Assert.Equal(422, (int)refused.Response.StatusCode);
        var status = JsonNode.Parse(refused.Response.Content)!;
        Assert.Equal("Job.batch \"big\" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: \"3Gi\": must be less than or equal to memory limit of 2Gi", (string?)status["message"]);
        Assert.Equal("spec.template.spec.containers[0].resources.requests", (string?)status["details"]!["causes"]![0]!["field"]);
        Assert.Null(server.Store.Find(new ResourceKey("batch", "jobs", "engines", "big")));
        Assert.NotNull(server.Store.Find(new ResourceKey("batch", "jobs", "engines", "even")));
    }
}
