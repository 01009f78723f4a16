using System.Globalization;
using DataPlatform.Bench;

// Benchmarks the real operator binary, in its own process, against the in-process fake API server and the fake
// pulumi, whose runs are slowed to a few milliseconds per resource so they keep the shape of a real update.
// Usage: DataPlatform.Bench [N...] (default 100). Prints markdown tables (BENCHMARKS.md explains every figure).
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100];
var results = new List<ScenarioResult>();
foreach (var n in sizes)
{
    Console.Error.WriteLine($"N={n}: running");
    results.Add(await Scenario.RunAsync(n, Console.Error));
}

Console.WriteLine(ScenarioResult.Table(results));
Console.WriteLine();
Console.WriteLine(ScenarioResult.RequestTable(results));
if (results.Count >= 2)
{
    Console.WriteLine();
    Console.WriteLine(ScenarioResult.GrowthTable(results));
}
