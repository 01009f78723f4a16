using System.Diagnostics;
using System.Globalization;
using DataPlatform.EndToEnd.Tests;
using DataPlatform.Entities;

// Benchmarks the real operator host against the in-process API server and the fake pulumi, whose runs are slowed
// to a few milliseconds per resource so they keep the shape of a real update. Usage: bench [N...] (default 100).
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100];
Console.WriteLine("| N | apply to all Ready | engine runs / env | API requests / env (operator, by verb) | steady: engine runs, env+Secret writes over 3 resyncs | peak RSS | managed heap | spec change to first status write p50 / p99 |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var n in sizes)
{
    Console.WriteLine(await RunAsync(n));
}

static async Task<string> RunAsync(int n)
{
    var resync = TimeSpan.FromSeconds(3);
    await using var harness = await OperatorHarness.StartAsync(workers: 16, settings: new Dictionary<string, string?>
    {
        ["Operator:ResyncPeriod"] = resync.ToString(),
    });
    harness.Faults(Enumerable.Range(0, n).Select(_ => ("up", "slow", 5)).ToArray());

    var clock = Stopwatch.StartNew();
    using (var gate = new SemaphoreSlim(32))
    {
        await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await harness.CreateAsync($"env-{i:0000}", e => e.Spec.Stack.ResyncIntervalSeconds = 0, ns: $"team-{i % 20}");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    await harness.Server.WaitUntilAsync(
        store => store.Snapshot(V1Alpha1DataPlatformEnvironment.Plural).Count(e => OperatorHarness.Condition(e, "Ready") == "True") == n,
        TimeSpan.FromMinutes(60), $"{n} Ready");
    var ready = clock.Elapsed;
    var ups = harness.Runs("up");
    var requests = harness.Server.Requests.Counts
        .Where(c => !(c.Key == "POST dataplatformenvironments"))
        .OrderBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => $"{c.Key} {c.Value / (double)n:0.##}");

    var upsBefore = harness.Runs("up");
    var writesBefore = Writes(harness);
    var settle = Stopwatch.StartNew();
    while (settle.Elapsed < resync * 3)
    {
        await Task.WhenAny(harness.Server.Store.Changed, Task.Delay(resync));
    }

    var steadyRuns = harness.Runs("up") - upsBefore;
    var steadyWrites = Writes(harness) - writesBefore;
    GC.Collect();
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    var rss = Process.GetCurrentProcess().PeakWorkingSet64;

    var latencies = new List<double>();
    foreach (var i in Enumerable.Range(0, Math.Min(n, 50)))
    {
        var name = $"env-{i:0000}";
        var ns = $"team-{i % 20}";
        var change = Stopwatch.StartNew();
        var updated = await harness.UpdateAsync(name, e => e.Spec.Streaming.RetentionHours = 48, ns);
        await harness.WaitForAsync(name, e => (long?)e?["status"]?["observedGeneration"] == updated.Metadata.Generation, "the first status write of the new generation", ns);
        latencies.Add(change.Elapsed.TotalMilliseconds);
    }

    latencies.Sort();
    double Percentile(double p) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture,
        $"| {n} | {ready.TotalSeconds:0.0} s | {ups / (double)n:0.00} | {string.Join("; ", requests)} | {steadyRuns}, {steadyWrites} | {rss / 1048576.0:0} MiB | {heap / 1048576.0:0.0} MiB | {Percentile(0.5):0} ms / {Percentile(0.99):0} ms |");
}

static int Writes(OperatorHarness harness) => harness.Server.Requests.Counts
    .Where(c => c.Key.Split(' ') is [var verb, var resource] && verb is "POST" or "PUT" or "PATCH" or "DELETE"
        && (resource.StartsWith("dataplatformenvironments", StringComparison.Ordinal) || resource == "secrets"))
    .Sum(c => c.Value);
