using System.Globalization;
using System.Text;

namespace DataPlatform.Bench;

/// <summary>What one run measured, and the markdown tables BENCHMARKS.md shows.</summary>
internal sealed record ScenarioResult(
    int N,
    TimeSpan ApplyToReady,
    double UpsPerEnvironment,
    IReadOnlyDictionary<string, int> ApplyRequests,
    TimeSpan ApplyCpu,
    int RestingRuns,
    int RestingReconciles,
    IReadOnlyDictionary<string, int> RestingRequests,
    TimeSpan RestingCpu,
    TimeSpan EmptyCpu,
    int RestingResyncs,
    long PeakRss,
    MemoryFigures Empty,
    MemoryFigures Resting,
    MemoryFigures Trimmed,
    long CachedObjectBytes,
    IReadOnlyList<double> IdleLatencies,
    IReadOnlyList<double> BurstLatencies)
{
    private const double MiB = 1024 * 1024;

    /// <summary>Writes by the operator to environments and Secrets while nothing changed (must be 0).</summary>
    public int RestingWrites => RestingRequests.Where(r => IsWrite(r.Key) && !r.Key.EndsWith(" leases", StringComparison.Ordinal)).Sum(r => r.Value);

    /// <summary>LIST and GET requests while nothing changed, leader election left out (polling would show here).</summary>
    public int RestingReads => RestingRequests.Where(r => r.Key.Split(' ')[0] is "GET" or "LIST" && !r.Key.EndsWith(" leases", StringComparison.Ordinal)).Sum(r => r.Value);

    public static string Table(IEnumerable<ScenarioResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| N | apply to all Ready | engine runs / env | status writes / env | operator CPU / env (apply) | at rest over 3 resync periods: reconciles, engine runs, writes, reads | operator CPU per resync period at rest (empty operator) | operator peak RSS | operator RSS / managed heap at rest | same, once the operator trimmed | spec change to first status write p50 / p99, idle workers | same, 50 changes at once |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            table.AppendLine(Invariant($"| {r.N} | {r.ApplyToReady.TotalSeconds:0.0} s | {r.UpsPerEnvironment:0.00} | {r.ApplyRequests.GetValueOrDefault("PUT dataplatformenvironments/status") / (double)r.N:0.00} | {r.ApplyCpu.TotalMilliseconds / r.N:0} ms | {r.RestingReconciles}, {r.RestingRuns}, {r.RestingWrites}, {r.RestingReads} | {r.RestingCpu.TotalMilliseconds / r.RestingResyncs:0} ms ({r.EmptyCpu.TotalMilliseconds / r.RestingResyncs:0} ms) | {r.PeakRss / MiB:0} MiB | {r.Resting.Rss / MiB:0} MiB / {r.Resting.Heap / MiB:0.0} MiB | {r.Trimmed.Rss / MiB:0} MiB / {r.Trimmed.Heap / MiB:0.0} MiB | {Latencies(r.IdleLatencies)} | {Latencies(r.BurstLatencies)} |"));
        }

        return table.ToString().TrimEnd();
    }

    public static string RequestTable(IReadOnlyList<ScenarioResult> results)
    {
        var table = new StringBuilder();
        table.AppendLine("| request (operator, apply to all Ready) | " + string.Join(" | ", results.Select(r => $"per env, N={r.N}")) + " |");
        table.AppendLine("| --- |" + string.Concat(results.Select(_ => " --- |")));
        foreach (var key in results.SelectMany(r => r.ApplyRequests.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            table.AppendLine($"| {key} | " + string.Join(" | ", results.Select(r => Invariant($"{r.ApplyRequests.GetValueOrDefault(key) / (double)r.N:0.###}"))) + " |");
        }

        return table.ToString().TrimEnd();
    }

    /// <summary>What each environment beyond the smallest run adds to the operator at rest, against the cached object.</summary>
    public static string GrowthTable(IReadOnlyList<ScenarioResult> results)
    {
        var small = results.MinBy(r => r.N)!;
        var large = results.MaxBy(r => r.N)!;
        var added = large.N - small.N;
        var heap = (large.Resting.Heap - large.Empty.Heap - (small.Resting.Heap - small.Empty.Heap)) / (double)added;

        // RSS is left out on purpose: after a full GC it follows how much memory the GC keeps committed, not the
        // number of environments (it can fall as N grows).
        return Invariant($"""
            | per environment, N={small.N} to N={large.N} | KiB |
            | --- | --- |
            | operator managed heap at rest, after a full GC | {heap / 1024:0.0} |
            | one cached environment (the entity as the informer holds it) | {large.CachedObjectBytes / 1024.0:0.0} |
            | beyond the cached environment | {(heap - large.CachedObjectBytes) / 1024:0.0} |
            """);
    }

    private static bool IsWrite(string key) => key.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE";

    private static string Latencies(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return "-";
        }

        var sorted = samples.Order().ToList();
        double Percentile(double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        return Invariant($"{Percentile(0.5):0} ms / {Percentile(0.99):0} ms");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
