using DataPlatform.Stack.Engine.Events;
using Microsoft.Extensions.Time.Testing;

namespace DataPlatform.Stack.Tests.Engine.Events;

public sealed class StatusWriteThrottleTests
{
    [Fact]
    public void Allows_one_write_per_interval_counting_from_the_last_write()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero));
        var throttle = new StatusWriteThrottle(TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.Zero, throttle.Wait(time.GetUtcNow()));

        throttle.Written(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(11), throttle.Wait(time.GetUtcNow()));

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(TimeSpan.Zero, throttle.Wait(time.GetUtcNow()));
        throttle.Written(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(14.5));
        Assert.Equal(TimeSpan.FromSeconds(0.5), throttle.Wait(time.GetUtcNow()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Refuses_an_interval_that_is_not_positive(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StatusWriteThrottle(TimeSpan.FromSeconds(seconds)));
}
