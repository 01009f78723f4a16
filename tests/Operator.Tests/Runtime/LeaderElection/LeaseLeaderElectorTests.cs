using DataPlatform.Operator.Runtime;
using DataPlatform.Operator.Runtime.LeaderElection;
using DataPlatform.Operator.Tests.Runtime.Client;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPlatform.Operator.Tests.Runtime.LeaderElection;

public sealed class LeaseLeaderElectorTests
{
    [Fact]
    public async Task Only_one_candidate_leads_and_a_stolen_lease_is_noticed_as_lost()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var a = Elector(api, "a");
        var b = Elector(api, "b");

        await a.AcquireAsync(CancellationToken.None);
        using var waiting = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.AcquireAsync(waiting.Token));

        using var holding = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var hold = a.HoldAsync(holding.Token);
        var lease = await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None);
        Assert.Equal("a", lease!.Spec.HolderIdentity);
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow.AddMinutes(1);
        lease.Spec.LeaseDurationSeconds = 3600;
        await api.Client.UpdateAsync(lease, CancellationToken.None);

        await hold;
        Assert.False(holding.IsCancellationRequested, "HoldAsync returned because the lease was lost, not because the test gave up");
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over()
    {
        await using var api = await ApiServerFixture.StartAsync();
        await Elector(api, "a").AcquireAsync(CancellationToken.None);
        var lease = await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None);
        lease!.Spec.RenewTime = DateTime.UtcNow.AddMinutes(-5);
        await api.Client.UpdateAsync(lease, CancellationToken.None);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Elector(api, "b").AcquireAsync(deadline.Token);

        var taken = await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None);
        Assert.Equal("b", taken!.Spec.HolderIdentity);
        Assert.Equal(1, taken.Spec.LeaseTransitions);
    }

    private static LeaseLeaderElector Elector(ApiServerFixture api, string identity) => new(
        api.Client,
        new LeaderElectionOptions
        {
            Identity = identity,
            LeaseName = "leader",
            LeaseNamespace = "ops",
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromMilliseconds(1200),
            RetryPeriod = TimeSpan.FromMilliseconds(100),
        },
        TimeProvider.System,
        NullLogger<LeaseLeaderElector>.Instance);
}
