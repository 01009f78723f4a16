using DataPlatform.Stack.Engine;

namespace DataPlatform.Stack.Tests.Engine;

/// <summary>When a lock named in the backend's "currently locked" error is stale (DESIGN.md sections 6 and 10).</summary>
public sealed class LockInfoTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_lock_of_an_engine_pod_known_to_be_gone_is_stale_at_once()
    {
        var locks = LockInfo.Parse("error: the stack is currently locked by 1 lock(s).\n  file:///state/.pulumi/locks/x.json: created by nonroot@dpe-0123456789abcdef-up-abcde-x1y2z (pid 17) at 2026-11-29T11:59:00Z");

        var held = Assert.Single(locks);
        Assert.True(held.IsStale(Now, TimeSpan.FromHours(2), ["dpe-0123456789abcdef-"]));
        Assert.False(held.IsStale(Now, TimeSpan.FromHours(2), ["dpe-fedcba9876543210-"]));
        Assert.False(held.IsStale(Now, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_lock_of_another_host_is_stale_only_past_the_longest_run()
    {
        var held = Assert.Single(LockInfo.Parse("created by someone@laptop (pid 4242) at 2026-11-29T09:00:00Z"));

        Assert.False(held.IsStale(Now, TimeSpan.FromHours(4), ["dpe-0123456789abcdef-"]));
        Assert.True(held.IsStale(Now, TimeSpan.FromHours(2), ["dpe-0123456789abcdef-"]));
    }
}
