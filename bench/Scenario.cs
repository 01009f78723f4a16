using System.Diagnostics;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.EndToEnd.Tests;
using DataPlatform.Entities;
using k8s;

namespace DataPlatform.Bench;

/// <summary>
/// One benchmark run for N environments: apply them all and wait for Ready; watch three resync periods with no
/// change; change specs one at a time (idle workers) and then in a burst; measure the operator process throughout.
/// </summary>
internal static class Scenario
{
    private const int Workers = 16;
    private const int Samples = 50;
    private const int RestingResyncs = 3;
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<ScenarioResult> RunAsync(int n, TextWriter progress, bool jobs = false, bool applyOnly = false)
    {
        await using var harness = await OperatorHarness.StartAsync(replicas: 0, jobs: jobs);
        var bursts = Math.Max(0, Math.Min(Samples, n - Samples));
        harness.Faults(Enumerable.Range(0, n + Samples + bursts).Select(_ => ("up", "slow", 5)).ToArray());

        var settings = harness.HostSettings("operator-0", Workers);
        settings["Operator:ResyncPeriod"] = Resync.ToString();

        // Leader election as shipped (15 s lease, renew every 2 s), so its requests are what a cluster sees.
        settings["Operator:LeaderElection:LeaseDuration"] = "00:00:15";
        settings["Operator:LeaderElection:RenewDeadline"] = "00:00:10";
        settings["Operator:LeaderElection:RetryPeriod"] = "00:00:02";
        await using var process = await OperatorProcess.StartAsync(harness.Server.Address, harness.Root, settings);

        // The operator with nothing to manage, over the same window as the rest below (leader election, the watch,
        // the runtime), once start-up JIT has settled. What environments add at rest is measured against this.
        await Task.Delay(Warmup);
        var emptyCpuBefore = process.CpuTime;
        await Task.Delay(Resync * RestingResyncs);
        var emptyCpu = process.CpuTime - emptyCpuBefore;
        var baseline = await MemoryAsync(process);

        var requestsBefore = harness.Server.Requests.Counts;
        var cpuBefore = process.CpuTime;
        var clock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    await harness.CreateAsync(Name(i), ns: Namespace(i));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await UntilAllReadyAsync(harness, n, progress);
        var ready = clock.Elapsed;
        var applyCpu = process.CpuTime - cpuBefore;
        var ups = harness.Runs("up");
        var applyRequests = Delta(requestsBefore, harness.Server.Requests.Counts, exclude: "POST dataplatformenvironments");
        progress.WriteLine($"N={n}: all Ready after {ready.TotalSeconds:0.0} s; resting for {RestingResyncs} resyncs");

        var trimsBefore = await process.MetricAsync("dataplatform_memory_trims_total") ?? 0;
        var restBefore = harness.Server.Requests.Counts;
        var restCpuBefore = process.CpuTime;
        var reconcilesBefore = await process.MetricAsync("controller_runtime_reconcile_total") ?? 0;
        await Task.Delay(Resync * RestingResyncs);
        var rest = Delta(restBefore, harness.Server.Requests.Counts);
        var restCpu = process.CpuTime - restCpuBefore;
        var restReconciles = (int)((await process.MetricAsync("controller_runtime_reconcile_total") ?? 0) - reconcilesBefore);
        if (await process.MetricAsync("dataplatform_environments{phase=\"Ready\"}") is var readyGauge && readyGauge != n)
        {
            progress.WriteLine($"N={n}: warning: the operator's dataplatform_environments{{phase=\"Ready\"}} says {readyGauge}");
        }

        var restRuns = harness.Runs("up") - ups;
        var resting = await MemoryAsync(process);
        progress.WriteLine($"N={n}: at rest RSS {resting.Rss / 1048576.0:0.0} MiB, managed heap {resting.Heap / 1048576.0:0.0} MiB; waiting for the operator's trim");
        var trimmed = await TrimmedAsync(process, trimsBefore);
        progress.WriteLine($"N={n}: after the operator's first trim RSS {trimmed.Rss / 1048576.0:0.0} MiB, heap {trimmed.Heap / 1048576.0:0.0} MiB; waiting for the name claims to be released");
        trimmed = await SettledAsync(process, clock, ready, trimmed);
        var cachedObject = CachedObjectBytes(harness.Server.Store);
        progress.WriteLine($"N={n}: at rest RSS {resting.Rss / 1048576.0:0.0} MiB, managed heap {resting.Heap / 1048576.0:0.0} MiB, after the operator's trim RSS {trimmed.Rss / 1048576.0:0.0} MiB, heap {trimmed.Heap / 1048576.0:0.0} MiB, peak RSS {process.PeakRssBytes / 1048576.0:0.0} MiB, apply {ready.TotalSeconds:0.0} s, {ups / (double)n:0.00} ups/env, at rest {restRuns} runs and {rest.Values.Sum()} requests");
        if (applyOnly)
        {
            return new ScenarioResult(n, ready, ups / (double)n, applyRequests, applyCpu, restRuns, restReconciles, rest, restCpu, emptyCpu, RestingResyncs,
                process.PeakRssBytes, baseline, resting, trimmed, cachedObject, [0], [0]);
        }

        progress.WriteLine($"N={n}: measuring spec changes");
        var idle = new List<double>();
        for (var i = 0; i < Math.Min(n, Samples); i++)
        {
            var (latency, generation) = await ChangeAsync(harness, i);
            idle.Add(latency);
            await UntilReadyAsync(harness, i, generation);
        }

        var burst = await Task.WhenAll(Enumerable.Range(Samples, bursts).Select(async i => (await ChangeAsync(harness, i)).Latency));
        await UntilAllReadyAsync(harness, n, progress);

        return new ScenarioResult(
            n,
            ready,
            ups / (double)n,
            applyRequests,
            applyCpu,
            restRuns,
            restReconciles,
            rest,
            restCpu,
            emptyCpu,
            RestingResyncs,
            process.PeakRssBytes,
            baseline,
            resting,
            trimmed,
            cachedObject,
            idle,
            [.. burst]);
    }

    private static string Name(int i) => $"env-{i:0000}";

    private static string Namespace(int i) => $"team-{i % 20}";

    /// <summary>Changes a spec and returns the time until the operator's first status write for the new generation.</summary>
    private static async Task<(double Latency, long Generation)> ChangeAsync(OperatorHarness harness, int i)
    {
        var change = Stopwatch.StartNew();
        var updated = await harness.UpdateAsync(Name(i), e => e.Spec.Streaming.RetentionHours = e.Spec.Streaming.RetentionHours == 48 ? 72 : 48, Namespace(i));
        var generation = updated.Metadata.Generation!.Value;
        await harness.WaitForAsync(Name(i), e => (long?)e?["status"]?["observedGeneration"] == generation, "the first status write of the new generation", Namespace(i));
        return (change.Elapsed.TotalMilliseconds, generation);
    }

    private static Task UntilReadyAsync(OperatorHarness harness, int i, long generation) =>
        harness.WaitForAsync(Name(i), e => OperatorHarness.Condition(e, "Ready") == "True" && (long?)e?["status"]?["lastUpdate"]?["generation"] == generation, "Ready for the new generation", Namespace(i));

    /// <summary>Polls (without copying) until every environment is Ready; progress every 30 s.</summary>
    private static async Task UntilAllReadyAsync(OperatorHarness harness, int n, TextWriter progress)
    {
        var deadline = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        while (true)
        {
            var ready = harness.Server.Store.Count(V1Alpha1DataPlatformEnvironment.Plural, e => OperatorHarness.Condition(e, "Ready") == "True");
            if (ready == n)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(180))
            {
                throw new TimeoutException($"{ready} of {n} environments Ready after 180 min.");
            }

            if (deadline.Elapsed - reported > TimeSpan.FromSeconds(30))
            {
                reported = deadline.Elapsed;
                progress.WriteLine($"  {ready}/{n} Ready after {deadline.Elapsed.TotalSeconds:0} s");
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>
    /// The operator at rest as it stays: once it has trimmed its memory after the apply's engine runs ended (it looks
    /// every Operator:MemoryTrimInterval, a minute as shipped). RSS is read before the bench's own GC request, whose
    /// EventPipe session allocates inside the operator.
    /// </summary>
    internal static async Task<MemoryFigures> TrimmedAsync(OperatorProcess process, double trimsBefore, TimeSpan? within = null)
    {
        // By default ten looks with engine runs always in flight (drift checks of a large fleet) and one more.
        var limit = within ?? TimeSpan.FromMinutes(12);
        var deadline = Stopwatch.StartNew();
        while ((await process.MetricAsync("dataplatform_memory_trims_total") ?? 0) <= trimsBefore)
        {
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"The operator did not trim its memory within {limit.TotalMinutes} minutes.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return new(process.RssBytes, (long)(await process.MetricAsync("system_runtime_dotnet_gc_last_collection_heap_size") ?? 0));
    }

    /// <summary>
    /// The operator once it also released what it holds only while environments are created or changed: the name
    /// claims (<see cref="DataPlatform.Operator.Naming.NameClaimCache"/>) go once unused for its idle period (it looks
    /// every minute), and the operator trims at its next look. The figures of the first trim after
    /// <paramref name="first"/>, or <paramref name="first"/> if none came within two minutes of the latest release.
    /// </summary>
    private static async Task<MemoryFigures> SettledAsync(OperatorProcess process, Stopwatch clock, TimeSpan ready, MemoryFigures first)
    {
        var trims = await process.MetricAsync("dataplatform_memory_trims_total") ?? 0;
        var latest = ready + DataPlatform.Operator.Naming.NameClaimCache.IdleAfter + DataPlatform.Operator.Naming.NameClaimCache.SweepEvery + TimeSpan.FromMinutes(2);
        try
        {
            return await TrimmedAsync(process, trims, latest > clock.Elapsed ? latest - clock.Elapsed : TimeSpan.Zero);
        }
        catch (TimeoutException)
        {
            return first;
        }
    }

    private static async Task<MemoryFigures> MemoryAsync(OperatorProcess process)
    {
        await process.CollectGarbageAsync();
        return new(process.RssBytes, (long)(await process.MetricAsync("system_runtime_dotnet_gc_last_collection_heap_size") ?? 0));
    }

    /// <summary>
    /// Managed bytes one environment takes as the operator caches it: the stored objects deserialized into the
    /// entity type, the way the informer holds them, measured by the heap before and after.
    /// </summary>
    private static long CachedObjectBytes(ObjectStore store)
    {
        var json = store.Snapshot(V1Alpha1DataPlatformEnvironment.Plural).Select(o => o.ToJsonString()).ToList();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cached = json.Select(j => KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(j)).ToList();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(cached);
        return (after - before) / json.Count;
    }

    private static Dictionary<string, int> Delta(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after, string? exclude = null) =>
        after.Where(c => c.Key != exclude && c.Value - before.GetValueOrDefault(c.Key) > 0)
            .ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key), StringComparer.Ordinal);
}

/// <summary>Resident memory of the operator process and its managed heap (all generations), right after a full GC.</summary>
internal readonly record struct MemoryFigures(long Rss, long Heap);
