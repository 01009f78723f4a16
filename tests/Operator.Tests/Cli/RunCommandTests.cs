using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Operator.Cli;
using DataPlatform.Operator.Tests.Runtime.Client;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Cli;

/// <summary>
/// The run verb's start-up checks: each problem a user can have before the operator starts (no kubeconfig, one
/// without credentials, an unreachable API server, bad settings, no pulumi) is one line naming it and exit 1, never
/// a stack trace; with everything in place it runs until stopped.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("run-verb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_missing_kubeconfig_is_one_line()
    {
        var missing = Path.Combine(_folder, "absent", "kubeconfig");

        var (code, _, stderr) = await RunAsync(missing);

        Assert.Equal(1, code);
        AssertOneLine(stderr, "run: no usable Kubernetes configuration:");
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubeconfig_user_without_credentials_is_one_line()
    {
        await using var server = await StartServerAsync();
        var (code, _, stderr) = await RunAsync(Kubeconfig(server.Address, user: "{}"));

        Assert.Equal(1, code);
        AssertOneLine(stderr, "run: no usable Kubernetes configuration:");
        Assert.Contains("auth credentials", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_server_is_one_line_naming_it()
    {
        var closed = ClosedPort();

        var (code, _, stderr) = await RunAsync(Kubeconfig(closed));

        Assert.Equal(1, code);
        AssertOneLine(stderr, $"run: cannot reach the Kubernetes API server at {closed}");
    }

    [Fact]
    public async Task Invalid_settings_name_the_setting_and_the_rule()
    {
        await using var server = await StartServerAsync();
        var (code, _, stderr) = await RunAsync(Kubeconfig(server.Address), "--Operator:MaxConcurrentReconciles=0");

        Assert.Equal(1, code);
        AssertOneLine(stderr, "run: invalid settings: Operator:MaxConcurrentReconciles must be 1 to 256.");
    }

    [Fact]
    public async Task A_missing_pulumi_cli_is_one_line_after_the_api_server_check()
    {
        await using var server = await StartServerAsync();
        var (code, stdout, stderr) = await RunAsync(Kubeconfig(server.Address), $"--Engine:CliPath={Path.Combine(_folder, "no-pulumi")}");

        Assert.Equal(1, code);
        Assert.Contains("run: connected to Kubernetes", stdout, StringComparison.Ordinal);
        AssertOneLine(stderr, "run: ");
        Assert.Contains("no-pulumi", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_api_server_and_the_cli_in_place_it_runs_until_stopped()
    {
        await using var server = await StartServerAsync();
        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = TextWriter.Synchronized(stdout);
        var run = Verbs.RunAsync([.. Arguments(Kubeconfig(server.Address), $"--Engine:CliPath={FakePulumiLocator.Path}")], output, TextWriter.Synchronized(stderr), stop.Token);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.WaitUntilAsync(_ => server.Requests.Count("WATCH", ApiServerFixture.Environments.Plural) > 0, TimeSpan.FromSeconds(30), "the operator watching environments");
        await stop.CancelAsync();
        var code = await run.WaitAsync(deadline.Token);

        Assert.Equal(0, code);
        Assert.Equal("", stderr.ToString());
        Assert.Contains("run: connected to Kubernetes v1.33.0-fake at ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("run: using the Pulumi CLI ", stdout.ToString(), StringComparison.Ordinal);
    }

    private static async Task<FakeApiServer> StartServerAsync()
    {
        var server = new FakeApiServer([ApiServerFixture.Environments]);
        await server.StartAsync();
        return server;
    }

    private static void AssertOneLine(string stderr, string start)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{stderr}");
        Assert.StartsWith(start, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private Task<(int Code, string Stdout, string Stderr)> RunAsync(string kubeconfig, params string[] settings) =>
        VerbRunner.RunAsync([.. Arguments(kubeconfig, settings)]);

    private IEnumerable<string> Arguments(string kubeconfig, params string[] settings) =>
    [
        "run", "--kubeconfig", kubeconfig, "--Http:Port=0",
        $"--Engine:WorkspaceRoot={Path.Combine(_folder, "workspaces")}",
        "--Operator:LeaderElection:Identity=run-verb-test",
        "--Operator:LeaderElection:LeaseNamespace=operators",
        .. settings,
    ];

    private string Kubeconfig(Uri server, string user = "{token: test-token}")
    {
        var path = Path.Combine(_folder, $"kubeconfig-{Guid.NewGuid():N}");
        Loopback.WriteKubeconfig(path, server, user);
        return path;
    }

    private static Uri ClosedPort() => new($"http://127.0.0.1:{Loopback.FreePort()}");
}
