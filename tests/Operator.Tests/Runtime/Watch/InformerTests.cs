using System.Collections.Concurrent;
using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Queue;
using DataPlatform.Operator.Runtime.Watch;
using DataPlatform.Operator.Tests.Runtime.Client;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPlatform.Operator.Tests.Runtime.Watch;

public sealed class InformerTests
{
    [Fact]
    public async Task Lists_then_watches_and_relists_after_compaction_and_dropped_watches()
    {
        await using var api = await ApiServerFixture.StartAsync();
        await api.Client.CreateAsync(Environment("before"), CancellationToken.None);
        var informer = new Informer<V1Alpha1DataPlatformEnvironment>(api.Client, null, TimeProvider.System, NullLogger.Instance);
        var changed = new ConcurrentQueue<EntityKey>();
        informer.Changed += changed.Enqueue;
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);

        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(informer.Get(new EntityKey("team", "before")));

        await api.Client.CreateAsync(Environment("during"), CancellationToken.None);
        await WaitAsync(() => informer.Get(new EntityKey("team", "during")) is not null, "the watch delivers a new object");

        api.Server.Store.DropWatches();
        await api.Client.CreateAsync(Environment("after-drop"), CancellationToken.None);
        await WaitAsync(() => informer.Get(new EntityKey("team", "after-drop")) is not null, "the watch resumes after a drop");
        Assert.Equal(1, informer.Relists);

        // Keep the informer away (its watches fail and it backs off), change and compact meanwhile:
        // it comes back from a version the server no longer has, gets 410 Gone, and must relist.
        api.Server.Faults.FailNext("WATCH", "dataplatformenvironments", 500, 2);
        api.Server.Store.DropWatches();
        await api.Client.DeleteAsync<V1Alpha1DataPlatformEnvironment>("before", "team", CancellationToken.None);
        api.Server.Store.Compact();
        await WaitAsync(() => informer.Get(new EntityKey("team", "before")) is null, "a relist after 410 Gone sees the deletion");
        Assert.True(informer.Relists >= 2);
        Assert.Contains(new EntityKey("team", "before"), changed);

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_written_object_is_not_replaced_by_an_older_watch_event()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var informer = new Informer<V1Alpha1DataPlatformEnvironment>(api.Client, null, TimeProvider.System, NullLogger.Instance);
        var created = await api.Client.CreateAsync(Environment("a"), CancellationToken.None);
        var newer = await api.Client.UpdateAsync(created, CancellationToken.None);
        newer.Spec.Paused = true;
        newer = await api.Client.UpdateAsync(newer, CancellationToken.None);

        informer.Offer(newer);
        informer.Offer(created);

        Assert.True(informer.Get(new EntityKey("team", "a"))!.Spec.Paused);
    }

    [Fact]
    public async Task The_write_that_released_the_last_finalizer_does_not_bring_the_deleted_object_back()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var environment = Environment("going");
        environment.Metadata.Finalizers = ["dataplatform.io/finalizer"];
        await api.Client.CreateAsync(environment, CancellationToken.None);
        var informer = new Informer<V1Alpha1DataPlatformEnvironment>(api.Client, null, TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(20));

        await api.Client.DeleteAsync<V1Alpha1DataPlatformEnvironment>("going", "team", CancellationToken.None);
        var deleting = await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("going", "team", CancellationToken.None);
        deleting!.Metadata.Finalizers = [];
        var released = await api.Client.UpdateAsync(deleting, CancellationToken.None);
        await WaitAsync(() => informer.Get(new EntityKey("team", "going")) is null, "the Deleted event empties the cache");

        // The controller offers what its last write returned, after the Deleted event was applied.
        informer.Offer(released);

        Assert.Null(informer.Get(new EntityKey("team", "going")));
        Assert.DoesNotContain(informer.Values, e => e.Metadata.Name == "going");
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task The_cache_keeps_no_managed_fields_and_a_write_from_it_leaves_the_servers_in_place()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var created = await api.Client.CreateAsync(Environment("managed"), CancellationToken.None);
        created.Status = new DataPlatform.Entities.Status.DataPlatformEnvironmentStatus { Phase = DataPlatform.Entities.Status.EnvironmentPhase.Pending };
        await api.Client.UpdateStatusAsync(created, CancellationToken.None);
        var stored = api.Server.Store.Snapshot(V1Alpha1DataPlatformEnvironment.Plural).Single();
        var managers = stored["metadata"]!["managedFields"]!.AsArray();
        Assert.Equal(2, managers.Count);
        Assert.NotNull(managers.Single(m => (string?)m!["subresource"] == "status")!["fieldsV1"]!["f:status"]!["f:phase"]);
        Assert.NotNull(managers.Single(m => m!["subresource"] is null)!["fieldsV1"]!["f:spec"]!["f:region"]);

        var informer = new Informer<V1Alpha1DataPlatformEnvironment>(api.Client, null, TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(TimeSpan.FromSeconds(20));
        var cached = informer.Get(new EntityKey("team", "managed"))!;
        Assert.Null(cached.Metadata.ManagedFields);

        cached.Metadata.Labels = new Dictionary<string, string> { ["team"] = "data" };
        var written = await api.Client.UpdateAsync(cached, CancellationToken.None);
        await WaitAsync(() => informer.Get(new EntityKey("team", "managed"))?.Metadata.ResourceVersion == written.Metadata.ResourceVersion, "the watch delivers the write");

        Assert.Null(informer.Get(new EntityKey("team", "managed"))!.Metadata.ManagedFields);
        var after = api.Server.Store.Snapshot(V1Alpha1DataPlatformEnvironment.Plural).Single()["metadata"]!["managedFields"]!.AsArray();
        Assert.Equal(2, after.Count);
        Assert.NotNull(after.Single(m => m!["subresource"] is null)!["fieldsV1"]!["f:metadata"]!["f:labels"]!["f:team"]);
        Assert.NotNull(after.Single(m => (string?)m!["subresource"] == "status")!["fieldsV1"]!["f:status"]!["f:phase"]);

        await stop.CancelAsync();
        await running;
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(what);
            }
        }
    }

    private static V1Alpha1DataPlatformEnvironment Environment(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team" },
        Spec = { Region = "eu-west-1" },
    };
}
