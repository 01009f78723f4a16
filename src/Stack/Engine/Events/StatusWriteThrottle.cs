namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// The rate bound on progress writes: at most one write per interval. Pure: the caller says when it wrote (the
/// write that starts a run counts) and asks how long to wait before the next one.
/// </summary>
public sealed class StatusWriteThrottle
{
    private DateTimeOffset? _last;

    public StatusWriteThrottle(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Interval = interval;
    }

    public TimeSpan Interval { get; }

    /// <summary>How long until a write is allowed: zero when it is allowed now.</summary>
    public TimeSpan Wait(DateTimeOffset now) =>
        _last is { } last && last + Interval > now ? last + Interval - now : TimeSpan.Zero;

    public void Written(DateTimeOffset now) => _last = now;
}
