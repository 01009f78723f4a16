namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>Faults tests switch on: latency on every request, and bursts of error answers for matching requests.</summary>
public sealed class FaultInjection
{
    private readonly Lock _gate = new();
    private readonly List<(string Verb, string Plural, int Code, int Remaining)> _bursts = [];

    public TimeSpan Latency { get; set; }

    /// <summary>The next <paramref name="count"/> requests with this verb (GET, LIST, POST, PUT, PATCH, DELETE) on this plural
    /// (or any, when null) fail with <paramref name="code"/> (409 or 500).</summary>
    public void FailNext(string verb, string? plural, int code, int count)
    {
        lock (_gate)
        {
            _bursts.Add((verb, plural ?? "*", code, count));
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
}
