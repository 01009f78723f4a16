using DataPlatform.Operator.Runtime;
using DataPlatform.Operator.Runtime.Abstractions;
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
    public async Task An_abandoned_lease_is_taken_over_one_lease_duration_after_it_was_first_seen()
    {
        await using var api = await ApiServerFixture.StartAsync();
        await Elector(api, "a").AcquireAsync(CancellationToken.None);
        var lease = await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None);
        lease!.Spec.RenewTime = DateTime.UtcNow.AddMinutes(-5);
        await api.Client.UpdateAsync(lease, CancellationToken.None);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Elector(api, "b").AcquireAsync(deadline.Token);

        // client-go's rule: the renewTime of a holder is not compared with our clock; the record must stay unchanged
        // for a whole lease duration (2 s here) as we observe it.
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(2), $"taken after {started.Elapsed}, before a lease duration had passed by the candidate's clock");
        var taken = await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None);
        Assert.Equal("b", taken!.Spec.HolderIdentity);
        Assert.Equal(1, taken.Spec.LeaseTransitions);
    }

    [Fact]
    public async Task A_holder_whose_clock_runs_an_hour_behind_keeps_its_lease_while_it_renews()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var skewed = Elector(api, "a", new SkewedTime(TimeSpan.FromHours(-1)));
        await skewed.AcquireAsync(CancellationToken.None);
        using var holding = new CancellationTokenSource();
        var hold = skewed.HoldAsync(holding.Token);

        // Its renewTime is an hour old by b's clock, yet it changes every retry period: b must not take over.
        using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Elector(api, "b").AcquireAsync(waiting.Token));

        Assert.Equal("a", (await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None))!.Spec.HolderIdentity);
        await holding.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hold);
    }

    [Fact]
    public async Task A_released_lease_is_taken_at_once_instead_of_after_it_expires()
    {
        await using var api = await ApiServerFixture.StartAsync();
        var a = Elector(api, "a", leaseDuration: TimeSpan.FromSeconds(60));
        await a.AcquireAsync(CancellationToken.None);

        Assert.True(await a.ReleaseAsync(CancellationToken.None));
        var released = await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None);
        Assert.Null(released!.Spec.HolderIdentity);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Elector(api, "b", leaseDuration: TimeSpan.FromSeconds(60)).AcquireAsync(deadline.Token);
        Assert.Equal("b", (await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None))!.Spec.HolderIdentity);
        Assert.False(await a.ReleaseAsync(CancellationToken.None), "a no longer holds the lease and must not clear b's");
        Assert.Equal("b", (await api.Client.GetAsync<V1Lease>("leader", "ops", CancellationToken.None))!.Spec.HolderIdentity);
    }

    private static LeaseLeaderElector Elector(ApiServerFixture api, string identity, TimeProvider? time = null, TimeSpan? leaseDuration = null) => new(
        api.Client,
        new LeaderElectionOptions
        {
            Identity = identity,
            LeaseName = "leader",
            LeaseNamespace = "ops",
            LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromMilliseconds(1200),
            RetryPeriod = TimeSpan.FromMilliseconds(100),
        },
        time ?? TimeProvider.System,
        NullControllerObserver.Instance,
        NullLogger<LeaseLeaderElector>.Instance);

    /// <summary>The system clock shifted, timers as usual: a node whose clock is off.</summary>
    private sealed class SkewedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
