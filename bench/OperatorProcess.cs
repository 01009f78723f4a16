using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using DataPlatform.TestSupport;
using Microsoft.Diagnostics.NETCore.Client;

namespace DataPlatform.Bench;

/// <summary>
/// The real operator binary (<c>DataPlatform.Operator run</c>, as the container runs it) in its own process, pointed
/// at the fake API server with a kubeconfig, so its memory and CPU are measured apart from the benchmark and the
/// fake API server. Memory and CPU come from /proc; the managed heap from the operator's own /metrics.
/// </summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly HttpClient _http;
    private readonly StringBuilder _output = new();

    private OperatorProcess(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>Peak resident set size of the operator process (VmHWM).</summary>
    public long PeakRssBytes => ProcStatus("VmHWM");

    /// <summary>Current resident set size of the operator process (VmRSS).</summary>
    public long RssBytes => ProcStatus("VmRSS");

    /// <summary>User plus system CPU time the operator process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<OperatorProcess> StartAsync(Uri apiServer, string folder, IReadOnlyDictionary<string, string?> settings)
    {
        var kubeconfig = Path.Combine(folder, "kubeconfig");
        Loopback.WriteKubeconfig(kubeconfig, apiServer, user: "{token: bench}");
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "DataPlatform.Operator"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in ShippedRuntimeVariables())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in new[] { "run", "--kubeconfig", kubeconfig, $"--Http:Port={port}" }
            .Concat(settings.Select(s => $"--{s.Key}={s.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The operator process did not start.");
        var running = new OperatorProcess(process, port);
        process.OutputDataReceived += (_, e) => running.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => running.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await running.WaitUntilLeadingAsync();
        return running;
    }

    /// <summary>
    /// The runtime variables the image sets (the Dockerfile's <c>ENV DOTNET_...</c> and <c>MALLOC_...</c>: GC mode,
    /// heap limit, gen0 budget, malloc arenas), so the figures are those of the operator as it ships; all but <c>DOTNET_EnableDiagnostics=0</c>, which
    /// would close the diagnostics port <see cref="CollectGarbageAsync"/> asks for a full GC through.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> ShippedRuntimeVariables() =>
        [.. System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(RepoPaths.InRepo("Dockerfile")), @"^\s*(?:ENV\s+)?((?:DOTNET_|MALLOC_)\w+)=(\S+?)\s*\\?$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .Where(v => v.Item1 != "DOTNET_EnableDiagnostics")];

    /// <summary>The sum of a metric's samples on the operator's /metrics (all label sets), or null when absent.</summary>
    public async Task<double?> MetricAsync(string name)
    {
        try
        {
            return Loopback.MetricSum(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), name);
        }
        catch (HttpRequestException e) when (_process.HasExited)
        {
            throw new InvalidOperationException($"The operator exited with {_process.ExitCode}:\n{Output()}", e);
        }
    }

    /// <summary>
    /// Makes the operator run a full blocking GC, the way dotnet-gcdump does: an EventPipe session with the runtime's
    /// GCHeapCollect keyword. Returns once the operator's gen2 collection count has moved, so the heap figures that
    /// follow are what is live, not what garbage happens to be left.
    /// </summary>
    public async Task CollectGarbageAsync()
    {
        const string gen2 = "system_runtime_dotnet_gc_collections{gc_heap_generation=\"gen2\"}";
        var before = await MetricAsync(gen2) ?? 0;
        var client = new DiagnosticsClient(_process.Id);
        const long gcKeyword = 0x1, gcHeapCollectKeyword = 0x800000;
        using var session = client.StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gcKeyword | gcHeapCollectKeyword),
            requestRundown: false);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        var deadline = Stopwatch.StartNew();
        while (await MetricAsync(gen2) <= before)
        {
            if (deadline.Elapsed > Deadline)
            {
                throw new TimeoutException("The operator did not run the requested full GC.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        await session.StopAsync(CancellationToken.None);
        await drain;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private async Task WaitUntilLeadingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The operator exited with {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                // Ready means "can serve" on every replica; leading is its own metric.
                using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == System.Net.HttpStatusCode.OK && await MetricAsync("leader_election_master_status") == 1)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"The operator did not lead within {Deadline}:\n{Output()}");
    }

    private long ProcStatus(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > 64_000)
            {
                _output.Remove(0, _output.Length - 32_000);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
