using System.Diagnostics;
using System.Text.RegularExpressions;
using DataPlatform.Operator.Cli;
using Xunit.Abstractions;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary>
/// Runs <c>validate</c>, <c>validate --output json</c> and <c>plan --out</c> in-process on every generated hostile
/// input (<see cref="HostileInputs"/>): no exception escapes, no run exceeds its time, exit codes are 0, 1 or 2,
/// managed memory stays bounded, nothing is written outside --out, and no output names a .NET type or carries a raw
/// control character. The figures are printed (dotnet test --logger "console;verbosity=detailed").
/// </summary>
[Collection(nameof(HostileInputFuzzTests))]
[CollectionDefinition(nameof(HostileInputFuzzTests), DisableParallelization = true)]
public sealed partial class HostileInputFuzzTests(ITestOutputHelper output) : IDisposable
{
    // A hang, not a slow run on a shared machine: the largest inputs parse in about 5 s alone, several times that under load.
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(120);
    private const long MaxHeapBytes = 1L << 30;

    private readonly string _dir = Directory.CreateTempSubdirectory("fuzz-").FullName;

    [Fact]
    public async Task Hostile_inputs_never_crash_hang_blow_up_or_leak_type_names()
    {
        var cases = HostileInputs.All().ToList();
        var kinds = cases.Select(c => c.Kind).Distinct().Count();
        var failures = new List<string>();
        var slowest = (Case: "", Time: TimeSpan.Zero);
        long peakHeap = 0;
        var codes = new Dictionary<int, int>();
        var input = Path.Combine(_dir, "input.yaml");
        var outDir = Path.Combine(_dir, "out");
        foreach (var (_, name, bytes) in cases)
        {
            await File.WriteAllBytesAsync(input, bytes);
            string[][] runs = [["validate", input], ["validate", input, "--output", "json"], ["plan", input, "--out", outDir]];
            foreach (var args in runs)
            {
                var watch = Stopwatch.StartNew();
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                int code;
                try
                {
                    code = await Verbs.RunAsync(args, stdout, stderr, TextReader.Null, CancellationToken.None).WaitAsync(CaseTimeout);
                }
                catch (TimeoutException)
                {
                    failures.Add($"{name} [{args[0]} {args.Length}]: no answer within {CaseTimeout.TotalSeconds} s");
                    continue;
                }
                catch (Exception e)
                {
                    failures.Add($"{name} [{string.Join(' ', args.Skip(2))}]: crashed with {e.GetType().Name}: {e.Message}");
                    continue;
                }

                watch.Stop();
                slowest = watch.Elapsed > slowest.Time ? (name, watch.Elapsed) : slowest;
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                codes[code] = codes.GetValueOrDefault(code) + 1;
                var text = stdout.ToString() + stderr.ToString();
                if (code is not (0 or 1))
                {
                    failures.Add($"{name} [{args[0]}]: exit {code}");
                }

                if (TypeName().Match(text) is { Success: true } leak)
                {
                    failures.Add($"{name} [{args[0]}]: names a .NET type ('{leak.Value}'): {First(text, leak.Index)}");
                }

                if (RawControl().IsMatch(text))
                {
                    failures.Add($"{name} [{args[0]}]: a raw control character reached the output");
                }

                if (text.Contains("internal.preflight", StringComparison.Ordinal))
                {
                    failures.Add($"{name} [{args[0]}]: the pre-flight rules failed: {First(text, text.IndexOf("internal", StringComparison.Ordinal))}");
                }

                var written = Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Where(f => f != input && !f.StartsWith(outDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
                if (written.Count > 0)
                {
                    failures.Add($"{name}: wrote outside --out: {string.Join(", ", written)}");
                }
            }
        }

        output.WriteLine($"hostile inputs: {kinds} kinds, {cases.Count} cases, {cases.Count * 3} runs; exit codes {string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"))}");
        output.WriteLine($"slowest run {slowest.Time.TotalMilliseconds:0} ms ({slowest.Case}); peak managed heap {peakHeap / (1024 * 1024)} MiB; peak working set of the test process {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        output.WriteLine($"failures: {failures.Count}");
        Assert.True(kinds >= 150, $"only {kinds} kinds");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(peakHeap < MaxHeapBytes, $"peak managed heap {peakHeap / (1024 * 1024)} MiB");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string First(string text, int index) => text.Substring(Math.Max(0, index - 120), Math.Min(240, text.Length - Math.Max(0, index - 120)));

    [GeneratedRegex(@"System\.[A-Z]|\b(Int16|Int32|Int64|UInt32|UInt64|Double|Boolean|Decimal|JsonElement|JsonNode|JsonValue|JsonObject|JsonArray|YamlDotNet|Nullable|V1ObjectMeta|V1Alpha1\w*|\w*Exception)\b|`1|`2|\s+at [\w.]+\(")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"[\x00-\x08\x0B-\x1F\x7F]")]
    private static partial Regex RawControl();
}
