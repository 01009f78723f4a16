using System.Text;
using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Operator.Runtime.Client;
using k8s;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Runtime.Client;

/// <summary>The real KubernetesClient, through our client layer, against the fake API server's semantics.</summary>
public sealed class KubernetesClientTests
{
    [Fact]
    public async Task Create_get_and_list_with_a_label_selector()
    {
        await using var api = await ApiServerFixture.StartAsync();
        await api.Client.CreateAsync(Environment("a", labels: new() { ["tier"] = "gold" }), CancellationToken.None);
        await api.Client.CreateAsync(Environment("b"), CancellationToken.None);

        var a = await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("a", "team", CancellationToken.None);
        var (all, version) = await api.Client.ListAsync<V1Alpha1DataPlatformEnvironment>(null, null, CancellationToken.None);
        var (gold, _) = await api.Client.ListAsync<V1Alpha1DataPlatformEnvironment>("team", "tier=gold", CancellationToken.None);

        Assert.Equal(1, a!.Metadata.Generation);
        Assert.False(string.IsNullOrEmpty(a.Metadata.Uid));
        Assert.Equal(2, all.Count);
        Assert.False(string.IsNullOrEmpty(version));
        Assert.Equal("a", Assert.Single(gold).Metadata.Name);
        Assert.Null(await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("missing", "team", CancellationToken.None));
    }

    [Fact]
    public async Task Stale_resource_version_is_a_conflict()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var created = await api.Client.CreateAsync(Environment("a"), CancellationToken.None);
        created.Spec.Paused = true;
        await api.Client.UpdateAsync(created, CancellationToken.None);

        created.Spec.Paused = false;
        await Assert.ThrowsAsync<ConflictException>(() => api.Client.UpdateAsync(created, CancellationToken.None));
        await Assert.ThrowsAsync<ConflictException>(() => api.Client.UpdateStatusAsync(created, CancellationToken.None));
    }

    [Fact]
    public async Task Generation_moves_on_spec_changes_only_and_status_goes_through_its_subresource()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var entity = await api.Client.CreateAsync(Environment("a"), CancellationToken.None);

        entity.Metadata.Labels = new Dictionary<string, string> { ["x"] = "y" };
        entity.Status = new DataPlatformEnvironmentStatus { Phase = EnvironmentPhase.Ready };
        entity = await api.Client.UpdateAsync(entity, CancellationToken.None);
        Assert.Equal(1, entity.Metadata.Generation);
        Assert.Null(entity.Status);

        entity.Status = new DataPlatformEnvironmentStatus { Phase = EnvironmentPhase.Provisioning, ObservedGeneration = 1 };
        entity = await api.Client.UpdateStatusAsync(entity, CancellationToken.None);
        Assert.Equal(EnvironmentPhase.Provisioning, entity.Status!.Phase);
        Assert.Equal(1, entity.Metadata.Generation);

        entity.Spec.Network.AzCount = 2;
        entity = await api.Client.UpdateAsync(entity, CancellationToken.None);
        Assert.Equal(2, entity.Metadata.Generation);
        Assert.Equal(EnvironmentPhase.Provisioning, entity.Status!.Phase);
    }

    [Fact]
    public async Task Delete_with_a_finalizer_marks_the_object_and_removing_the_finalizer_deletes_it_and_its_owned_secret()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var environment = Environment("a");
        environment.Metadata.Finalizers = [V1Alpha1DataPlatformEnvironment.Finalizer];
        environment = await api.Client.CreateAsync(environment, CancellationToken.None);
        await api.Client.CreateAsync(new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = "a-connection",
                NamespaceProperty = "team",
                OwnerReferences = [new V1OwnerReference { ApiVersion = environment.ApiVersion, Kind = environment.Kind, Name = "a", Uid = environment.Metadata.Uid }],
            },
            Data = new Dictionary<string, byte[]> { ["DATABASE_HOST"] = Encoding.UTF8.GetBytes("db") },
        }, CancellationToken.None);

        await api.Client.DeleteAsync<V1Alpha1DataPlatformEnvironment>("a", "team", CancellationToken.None);
        var marked = await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("a", "team", CancellationToken.None);
        Assert.NotNull(marked!.Metadata.DeletionTimestamp);

        marked.Metadata.Finalizers = [];
        await api.Client.UpdateAsync(marked, CancellationToken.None);

        Assert.Null(await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("a", "team", CancellationToken.None));

        // The garbage collector deletes dependents asynchronously, after the owner is gone, never inside its DELETE.
        Assert.NotNull(await api.Client.GetAsync<V1Secret>("a-connection", "team", CancellationToken.None));
        await api.Server.WaitUntilAsync(s => s.Snapshot("secrets").Count == 0, TimeSpan.FromSeconds(30), "the owned Secret garbage-collected");
        Assert.Null(await api.Client.GetAsync<V1Secret>("a-connection", "team", CancellationToken.None));
    }

    [Fact]
    public async Task Watch_replays_from_a_version_sends_bookmarks_and_expires_after_compaction()
    {
        await using var api = await ApiServerFixture.StartAsync();
        api.Server.BookmarkInterval = TimeSpan.FromMilliseconds(50);
        var (_, version) = await api.Client.ListAsync<V1Alpha1DataPlatformEnvironment>(null, null, CancellationToken.None);
        await api.Client.CreateAsync(Environment("a"), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var seen = new List<WatchEventType>();
        await foreach (var (type, entity) in api.Client.WatchAsync<V1Alpha1DataPlatformEnvironment>(null, version, cancel.Token))
        {
            seen.Add(type);
            if (type == WatchEventType.Bookmark)
            {
                break;
            }
        }

        Assert.Equal([WatchEventType.Added, WatchEventType.Bookmark], seen);

        api.Server.Store.Compact();
        await Assert.ThrowsAsync<WatchExpiredException>(async () =>
        {
            await foreach (var _ in api.Client.WatchAsync<V1Alpha1DataPlatformEnvironment>(null, version, cancel.Token))
            {
            }
        });
    }

    [Fact]
    public async Task Injected_conflicts_and_server_errors_reach_the_caller()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var entity = await api.Client.CreateAsync(Environment("a"), CancellationToken.None);
        api.Server.Faults.FailNext("PUT", "dataplatformenvironments", 409, 1);
        api.Server.Faults.FailNext("GET", "dataplatformenvironments", 500, 1);

        await Assert.ThrowsAsync<ConflictException>(() => api.Client.UpdateStatusAsync(entity, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("a", "team", CancellationToken.None));
        Assert.NotNull(await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("a", "team", CancellationToken.None));
        Assert.Equal(1, api.Server.Requests.Count("POST", "dataplatformenvironments"));
    }

    private static V1Alpha1DataPlatformEnvironment Environment(string name, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "team", Labels = labels },
        Spec = { Region = "eu-west-1" },
    };
}
