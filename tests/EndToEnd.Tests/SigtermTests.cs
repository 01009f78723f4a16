using k8s;
using System.Diagnostics;
using System.Net;
using System.Text;
using DataPlatform.TestSupport;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// A real SIGTERM to the real operator binary (<c>DataPlatform.Operator run</c>, as the container runs it under
/// tini), against the fake API server and the fake pulumi: a standby exits at once with code 0; the leader, with a
/// run in flight, interrupts it, clears its lock, releases the Lease and exits with code 0.
/// </summary>
public sealed class SigtermTests
{
    private const string Lease = "dataplatform-operator-leader";

    [Fact]
    public async Task Sigterm_ends_a_standby_at_once_and_the_leader_cleanly_with_nothing_left_locked()
    {
        await using var harness = await StartAsync(replicas: 0);
        await using var leader = await OperatorBinary.StartAsync(harness, "operator-a");
        await WaitForHolderAsync(harness, "operator-a");
        await using var standby = await OperatorBinary.StartAsync(harness, "operator-b");

        var standbyExit = await standby.TerminateAsync();

        Assert.True(standbyExit.Code == 0, $"the standby exited with {standbyExit.Code}:\n{standby.Output}");
        Assert.True(standbyExit.After < TimeSpan.FromSeconds(5), $"the standby took {standbyExit.After} to exit");
        Assert.Equal("operator-a", (await harness.Kubernetes.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "operators")).Spec.HolderIdentity);

        harness.Faults(("up", "slow", 1000));
        await harness.CreateAsync("in-flight");
        await harness.WaitForRunAsync("up");
        var leaderExit = await leader.TerminateAsync();

        Assert.True(leaderExit.Code == 0, $"the leader exited with {leaderExit.Code}:\n{leader.Output}");
        Assert.True(leaderExit.After < TimeSpan.FromSeconds(60), $"the leader took {leaderExit.After} to exit");
        Assert.True(string.IsNullOrEmpty((await harness.Kubernetes.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "operators")).Spec.HolderIdentity), "the lease was not released");
        var state = Path.Combine(harness.Backend, ".pulumi");
        Assert.DoesNotContain(Directory.Exists(state) ? Directory.GetFiles(state, "*.json", SearchOption.AllDirectories) : [], f => f.Contains("locks", StringComparison.Ordinal));
        Assert.Contains("released the lease", leader.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForHolderAsync(OperatorHarness harness, string identity)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                if ((await harness.Kubernetes.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "operators", cancellationToken: deadline.Token)).Spec.HolderIdentity == identity)
                {
                    return;
                }
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    /// <summary>The operator binary in its own process, with the harness's settings for one replica.</summary>
    private sealed class OperatorBinary : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private OperatorBinary(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<OperatorBinary> StartAsync(OperatorHarness harness, string identity)
        {
            var kubeconfig = Path.Combine(harness.Root, $"kubeconfig-{identity}");
            Loopback.WriteKubeconfig(kubeconfig, harness.Server.Address);
            var port = Loopback.FreePort();
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "DataPlatform.Operator"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "run", "--kubeconfig", kubeconfig, $"--Http:Port={port}" }
                .Concat(harness.HostSettings(identity, shutdownTimeout: "00:00:00.500").Select(s => $"--{s.Key}={s.Value}")))
            {
                start.ArgumentList.Add(argument);
            }

            var binary = new OperatorBinary(Process.Start(start) ?? throw new InvalidOperationException("the operator did not start"));
            binary._process.OutputDataReceived += (_, e) => binary.Keep(e.Data);
            binary._process.ErrorDataReceived += (_, e) => binary.Keep(e.Data);
            binary._process.BeginOutputReadLine();
            binary._process.BeginErrorReadLine();
            using var http = new HttpClient();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                Assert.False(binary._process.HasExited, $"the operator exited early:\n{binary.Output}");
                try
                {
                    if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"), deadline.Token)).StatusCode == HttpStatusCode.OK)
                    {
                        return binary;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }

        /// <summary>Sends SIGTERM, as the kubelet does, and waits for the process to exit.</summary>
        public async Task<(int Code, TimeSpan After)> TerminateAsync()
        {
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await _process.WaitForExitAsync(deadline.Token);
            return (_process.ExitCode, clock.Elapsed);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
