using System.Globalization;
using DataPlatform.Bench;

// Benchmarks the real operator binary, in its own process, against the in-process fake API server and the fake
// pulumi, whose runs are slowed to a few milliseconds per resource so they keep the shape of a real update.
// Usage: DataPlatform.Bench [N...] (default 100). Prints markdown tables (BENCHMARKS.md explains every figure).
// --jobs runs every scenario in Job mode (engine runs as Jobs of the fake kubelet); --in-flight K,... measures the
// operator's memory with K engine Jobs running at once instead; --apply-only stops after the at-rest figures;
// --object-size prints what one cached Ready environment costs the operator's heap.
var jobs = args.Contains("--jobs");
if (args.Contains("--object-size"))
{
    var (bytes, chars) = CachedObjectSize.Measure();
    Console.WriteLine($"| cached Ready environment | {bytes} bytes of managed heap (its JSON: {chars} characters) |");
    return;
}

if (args.SkipWhile(a => a != "--in-flight").Skip(1).FirstOrDefault() is { } inFlight)
{
    Console.WriteLine("| engine Jobs in flight | operator RSS / managed heap, once it trimmed | same, after the bench's full GC | pod end to Ready write (median) |");
    Console.WriteLine("| --- | --- | --- | --- |");
    foreach (var k in inFlight.Split(',').Select(k => int.Parse(k, CultureInfo.InvariantCulture)))
    {
        var (count, trimmed, collected, endToStatus) = await InFlightScenario.RunAsync(k, Console.Error);
        Console.WriteLine($"| {count} | {trimmed.Rss / 1048576.0:0.0} MiB / {trimmed.Heap / 1048576.0:0.0} MiB | {collected.Rss / 1048576.0:0.0} MiB / {collected.Heap / 1048576.0:0.0} MiB | {endToStatus:0} ms |");
    }

    return;
}

var sizes = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(100).ToArray();
var results = new List<ScenarioResult>();
foreach (var n in sizes)
{
    Console.Error.WriteLine($"N={n}: running{(jobs ? " (Job mode)" : "")}");
    results.Add(await Scenario.RunAsync(n, Console.Error, jobs, applyOnly: args.Contains("--apply-only")));
}

Console.WriteLine(ScenarioResult.Table(results));
Console.WriteLine();
Console.WriteLine(ScenarioResult.RequestTable(results));
if (results.Count >= 2)
{
    Console.WriteLine();
    Console.WriteLine(ScenarioResult.GrowthTable(results));
}
