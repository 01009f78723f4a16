using DataPlatform.Entities;
using DataPlatform.Operator.Runtime.Abstractions;
using DataPlatform.Operator.Runtime.Controller;
using DataPlatform.Operator.Tests.Runtime.Client;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Operator.Tests.Runtime.Controller;

public sealed class ReconcileDispatcherTests
{
    private const string FinalizerName = V1Alpha1DataPlatformEnvironment.Finalizer;

    [Fact]
    public async Task A_new_object_gets_the_finalizer_before_its_first_reconcile()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var created = await api.Client.CreateAsync(Environment(), CancellationToken.None);
        using var services = Services(new CancellationTokenSource());
        var offered = new List<V1Alpha1DataPlatformEnvironment>();

        var outcome = await Dispatcher(api, services).DispatchAsync(created, offered.Add, CancellationToken.None);

        Assert.Equal(DispatchResult.Requeue, outcome.Result);
        Assert.Equal(TimeSpan.FromMinutes(1), outcome.RequeueAfter);
        var stored = await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("analytics", "team", CancellationToken.None);
        Assert.Equal([FinalizerName], stored!.Metadata.Finalizers);
        Assert.Contains(offered, o => o.Metadata.Finalizers?.Contains(FinalizerName) == true);
    }

    [Fact]
    public async Task Finalizer_removal_is_a_commit_step_the_worker_token_does_not_cancel()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var environment = Environment();
        environment.Metadata.Finalizers = [FinalizerName];
        await api.Client.CreateAsync(environment, CancellationToken.None);
        await api.Client.DeleteAsync<V1Alpha1DataPlatformEnvironment>("analytics", "team", CancellationToken.None);
        var deleting = await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("analytics", "team", CancellationToken.None);
        Assert.NotNull(deleting!.Metadata.DeletionTimestamp);
        using var worker = new CancellationTokenSource();
        using var services = Services(worker);

        // The finalizer finishes its cleanup just as the operator shuts down (the worker's token fires).
        var outcome = await Dispatcher(api, services).DispatchAsync(deleting, _ => { }, worker.Token);

        Assert.True(worker.IsCancellationRequested);
        Assert.Equal(DispatchResult.Finalized, outcome.Result);
        Assert.Null(await api.Client.GetAsync<V1Alpha1DataPlatformEnvironment>("analytics", "team", CancellationToken.None));
    }

    private static V1Alpha1DataPlatformEnvironment Environment() => new()
    {
        Metadata = new V1ObjectMeta { Name = "analytics", NamespaceProperty = "team" },
        Spec = { Region = "eu-west-1" },
    };

    private static ServiceProvider Services(CancellationTokenSource worker) => new ServiceCollection()
        .AddSingleton(worker)
        .AddScoped<RequeueingController>()
        .AddScoped<ShutdownFinalizer>()
        .BuildServiceProvider();

    private static ReconcileDispatcher<V1Alpha1DataPlatformEnvironment> Dispatcher(ApiServerFixture api, ServiceProvider services) => new(
        api.Client, services.GetRequiredService<IServiceScopeFactory>(),
        new ControllerRegistration<V1Alpha1DataPlatformEnvironment>(typeof(RequeueingController), typeof(ShutdownFinalizer), FinalizerName),
        TimeProvider.System);

    private sealed class RequeueingController : IEntityController<V1Alpha1DataPlatformEnvironment>
    {
        public Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> ReconcileAsync(V1Alpha1DataPlatformEnvironment entity, CancellationToken cancellationToken) =>
            Task.FromResult(ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity, TimeSpan.FromMinutes(1)));
    }

    private sealed class ShutdownFinalizer(CancellationTokenSource worker) : IEntityFinalizer<V1Alpha1DataPlatformEnvironment>
    {
        public async Task<ReconciliationResult<V1Alpha1DataPlatformEnvironment>> FinalizeAsync(V1Alpha1DataPlatformEnvironment entity, CancellationToken cancellationToken)
        {
            await worker.CancelAsync();
            return ReconciliationResult<V1Alpha1DataPlatformEnvironment>.Success(entity);
        }
    }
}
