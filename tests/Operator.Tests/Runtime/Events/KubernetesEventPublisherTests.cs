using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Events;
using DataPlatform.Operator.Tests.Runtime.Client;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Runtime.Events;

public sealed class KubernetesEventPublisherTests
{
    [Fact]
    public async Task The_same_event_twice_counts_up_instead_of_adding_one()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var environment = await api.Client.CreateAsync(new V1Alpha1DataPlatformEnvironment
        {
            Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "team" },
            Spec = { Region = "eu-west-1" },
        }, CancellationToken.None);
        var publisher = new KubernetesEventPublisher(api.Client, TimeProvider.System);

        await publisher.PublishAsync(environment, "Throttling", "retry 1", EventType.Warning, CancellationToken.None);
        await publisher.PublishAsync(environment, "Throttling", "retry 1", EventType.Warning, CancellationToken.None);
        await publisher.PublishAsync(environment, "Updated", "done", EventType.Normal, CancellationToken.None);

        var events = (await api.Kubernetes.CoreV1.ListNamespacedEventAsync("team")).Items;
        Assert.Equal(2, events.Count);
        var throttled = events.Single(e => e.Reason == "Throttling");
        Assert.Equal(2, throttled.Count);
        Assert.Equal("Warning", throttled.Type);
        Assert.Equal(environment.Metadata.Uid, throttled.InvolvedObject.Uid);
        Assert.Equal("DataPlatformEnvironment", throttled.InvolvedObject.Kind);
    }
}
