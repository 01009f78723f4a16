using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Events;
using DataPlatform.Operator.Tests.Runtime.Client;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Runtime.Events;

/// <summary>Recording an Event is best effort, as client-go's recorder: a refused Event is dropped, never thrown.</summary>
public sealed class EventPublisherFailureTests
{
    [Fact]
    public async Task An_event_refused_in_a_terminating_namespace_is_dropped_not_thrown()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var environment = await api.Client.CreateAsync(new V1Alpha1DataPlatformEnvironment
        {
            Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "team", Finalizers = [V1Alpha1DataPlatformEnvironment.Finalizer] },
            Spec = { Region = "eu-west-1" },
        }, CancellationToken.None);
        api.Server.Store.TerminateNamespace("team");
        var publisher = new KubernetesEventPublisher(api.Client, TimeProvider.System);

        await publisher.PublishAsync(environment, "Destroyed", "The stack was destroyed.", EventType.Normal, CancellationToken.None);

        Assert.Equal(1, publisher.Dropped);
        Assert.Equal(1, api.Server.Requests.Count("POST", "events"));
        Assert.Empty(api.Server.Store.Snapshot("events"));
    }

    [Fact]
    public async Task An_event_write_that_fails_is_dropped_once_without_retrying()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var environment = await api.Client.CreateAsync(new V1Alpha1DataPlatformEnvironment
        {
            Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "team" },
            Spec = { Region = "eu-west-1" },
        }, CancellationToken.None);
        api.Server.Faults.FailNext("POST", "events", 500, 5);
        var publisher = new KubernetesEventPublisher(api.Client, TimeProvider.System);

        await publisher.PublishAsync(environment, "Updated", "done", EventType.Normal, CancellationToken.None);

        Assert.Equal(1, publisher.Dropped);
        Assert.Equal(1, api.Server.Requests.Count("POST", "events"));
    }
}
