using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// Faults tests switch on: latency on every request, bursts of error answers for matching requests, a 429 storm
/// with Retry-After for a while (by the server's clock), and watches that end with a non-410 ERROR event.
/// </summary>
public sealed class FaultInjection(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<(string Verb, string Plural, int Code, int Remaining)> _bursts = [];
    private readonly Queue<(int Code, string Reason, string Message)> _watchErrors = new();
    private (DateTimeOffset Until, int RetryAfterSeconds, Func<string, bool> Plurals)? _storm;

    public FaultInjection()
        : this(TimeProvider.System)
    {
    }

    public TimeSpan Latency { get; set; }

    /// <summary>Requests answered 429 during storms.</summary>
    public int Throttled { get; private set; }

    /// <summary>The next <paramref name="count"/> requests with this verb (GET, LIST, POST, PUT, PATCH, DELETE) on this plural
    /// (or any, when null) fail with <paramref name="code"/> (409 or 500).</summary>
    public void FailNext(string verb, string? plural, int code, int count)
    {
        lock (_gate)
        {
            _bursts.Add((verb, plural ?? "*", code, count));
        }
    }

    /// <summary>
    /// API Priority and Fairness under overload: every request on a matching plural (all but leases, which ride
    /// the leader-election priority level, when null) is answered 429 with <c>Retry-After</c> until
    /// <paramref name="duration"/> has passed on the server's clock.
    /// </summary>
    public void Storm(TimeSpan duration, int retryAfterSeconds = 1, Func<string, bool>? plurals = null)
    {
        lock (_gate)
        {
            _storm = (time.GetUtcNow() + duration, retryAfterSeconds, plurals ?? (p => p != "leases"));
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> watches get HTTP 200 and one ERROR event carrying a Status with this code
    /// (500 internal error, 504 "Too large resource version"), then the stream ends, as the API server does.
    /// </summary>
    public void FailNextWatches(int count, int code = 504, string reason = "Timeout", string message = "Too large resource version: 1000000, current: 100")
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _watchErrors.Enqueue((code, reason, message));
            }
        }
    }

    internal int? Take(string verb, string plural)
    {
        lock (_gate)
        {
            var index = _bursts.FindIndex(b => b.Verb == verb && (b.Plural == "*" || b.Plural == plural) && b.Remaining > 0);
            if (index < 0)
            {
                return null;
            }

            var burst = _bursts[index];
            _bursts[index] = burst with { Remaining = burst.Remaining - 1 };
            return burst.Code;
        }
    }

    /// <summary>Retry-After seconds when a storm is on for this plural.</summary>
    internal int? Throttle(string plural)
    {
        lock (_gate)
        {
            if (_storm is not { } storm || time.GetUtcNow() >= storm.Until || !storm.Plurals(plural))
            {
                return null;
            }

            Throttled++;
            return storm.RetryAfterSeconds;
        }
    }

    internal JsonObject? TakeWatchError()
    {
        lock (_gate)
        {
            if (!_watchErrors.TryDequeue(out var error))
            {
                return null;
            }

            var cause = error.Code == 504 ? new JsonArray(new JsonObject { ["reason"] = "ResourceVersionTooLarge", ["message"] = "Too large resource version" }) : null;
            return new ApiErrorException(error.Code, error.Reason, error.Message)
            {
                Details = cause is null ? null : new JsonObject { ["causes"] = cause, ["retryAfterSeconds"] = 1 },
            }.Status();
        }
    }
}
