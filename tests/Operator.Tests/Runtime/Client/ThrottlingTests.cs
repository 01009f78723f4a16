using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Entities;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Operator.Tests.Runtime.Client;

/// <summary>The client against API Priority and Fairness: 429 with Retry-After, waited out on the client's clock.</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task A_storm_of_minutes_is_waited_out_by_retry_after_within_the_retry_bound()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = new FakeApiServer([ApiServerFixture.Environments], time);
        await server.StartAsync();
        using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString() });
        var client = new Operator.Runtime.Client.KubernetesClient(kubernetes, time);
        server.Faults.Storm(TimeSpan.FromMinutes(4), retryAfterSeconds: 30);

        var read = client.GetAsync<V1Alpha1DataPlatformEnvironment>("absent", "team", CancellationToken.None);
        for (var waited = 0; !read.IsCompleted; waited++)
        {
            Assert.True(SpinWait.SpinUntil(() => read.IsCompleted || client.ThrottleRetries > waited, TimeSpan.FromSeconds(10)), "the client asked again after its wait");
            time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Null(await read);
        Assert.Equal(8, client.ThrottleRetries);
        Assert.Equal(8, server.Faults.Throttled);
    }

    [Fact]
    public async Task A_storm_longer_than_the_retry_bound_surfaces_the_429()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = new FakeApiServer([ApiServerFixture.Environments], time);
        await server.StartAsync();
        using var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString() });
        var client = new Operator.Runtime.Client.KubernetesClient(kubernetes, time);
        server.Faults.Storm(TimeSpan.FromHours(1), retryAfterSeconds: 1);

        var write = client.CreateAsync(new V1Secret { ApiVersion = "v1", Kind = "Secret", Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "team" } }, CancellationToken.None);
        for (var waited = 0; !write.IsCompleted; waited++)
        {
            Assert.True(SpinWait.SpinUntil(() => write.IsCompleted || client.ThrottleRetries > waited, TimeSpan.FromSeconds(10)), "the client asked again after its wait");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var failure = await Assert.ThrowsAsync<HttpOperationException>(() => write);
        Assert.Equal(429, (int)failure.Response.StatusCode);
        Assert.Equal(Operator.Runtime.Client.KubernetesClient.MaxThrottleRetries, client.ThrottleRetries);
    }
}
