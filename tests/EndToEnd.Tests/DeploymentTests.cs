using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using k8s;
using Microsoft.AspNetCore.Builder;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// What a production rollout needs from the real host: every replica is Ready (not only the leader), the webhook is
/// served on its TLS port only, with a bounded body and a certificate that can be renewed in place, and SIGTERM
/// (the host's stop, which is what the console lifetime does on SIGTERM) ends a standby at once and a leader cleanly.
/// </summary>
public sealed class DeploymentTests
{
    private const string Lease = "dataplatform-operator-leader";

    [Fact]
    public async Task Readyz_is_ok_on_a_standby_as_well_as_on_the_leader()
    {
        await using var harness = await StartAsync(replicas: 0);
        var leader = await harness.StartHostAsync("operator-a");
        await WaitForHolderAsync(harness, "operator-a");
        var standby = await harness.StartHostAsync("operator-b");

        using var http = new HttpClient();
        var standbyAnswer = await http.GetAsync(Url(standby, "http", "/readyz"));
        await WaitReadyAsync(leader);
        var leaderAnswer = await http.GetAsync(Url(leader, "http", "/readyz"));

        Assert.Equal("operator-a", await HolderAsync(harness));
        Assert.Equal(HttpStatusCode.OK, standbyAnswer.StatusCode);
        Assert.Equal("ok", await standbyAnswer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, leaderAnswer.StatusCode);
    }

    [Fact]
    public async Task The_webhook_answers_on_the_tls_port_and_is_not_reachable_on_the_http_port()
    {
        await using var harness = await StartAsync(replicas: 0);
        TestCertificates.Write(harness.CertDirectory("operator-a"), "webhook-a");
        var host = await harness.StartHostAsync("operator-a");
        using var client = TestCertificates.Client();

        var overTls = await client.PostAsync(Url(host, "https", Operator.Webhooks.AdmissionReviewHandler.Path), Review());
        var overHttp = await client.PostAsync(Url(host, "http", Operator.Webhooks.AdmissionReviewHandler.Path), Review());
        var metricsOverTls = await client.GetAsync(Url(host, "https", "/metrics"));

        Assert.Equal(HttpStatusCode.OK, overTls.StatusCode);
        Assert.Contains("\"allowed\":true", await overTls.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, overHttp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, metricsOverTls.StatusCode);
    }

    [Fact]
    public async Task An_oversized_review_is_refused_before_its_body_is_read()
    {
        await using var harness = await StartAsync(replicas: 0);
        TestCertificates.Write(harness.CertDirectory("operator-a"), "webhook-a");
        var host = await harness.StartHostAsync("operator-a");

        // Headers announcing 16 MiB (over the 7 MiB bound, under Kestrel's own 30 MB default) and not one byte of body:
        // only a server that refuses on Content-Length answers before the body arrives.
        var clock = Stopwatch.StartNew();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", Port(host, "https"));
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => TestCertificates.Trusted(certificate));
        await tls.AuthenticateAsClientAsync("localhost");
        await tls.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {Operator.Webhooks.AdmissionReviewHandler.Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {16 * 1024 * 1024}\r\n\r\n"));
        using var reader = new StreamReader(tls, Encoding.ASCII);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var status = await reader.ReadLineAsync(deadline.Token);
        var elapsed = clock.Elapsed;

        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"refused after {elapsed}");
        using var client = TestCertificates.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Url(host, "https", Operator.Webhooks.AdmissionReviewHandler.Path), Review())).StatusCode);
    }

    [Fact]
    public async Task A_rotated_certificate_is_served_without_a_restart()
    {
        await using var harness = await StartAsync(replicas: 0);
        var directory = harness.CertDirectory("operator-a");
        var first = TestCertificates.Write(directory, "webhook-first");
        var host = await harness.StartHostAsync("operator-a");
        var port = Port(host, "https");
        await WaitReadyAsync(host);
        Assert.Equal(first, await TestCertificates.ServedAsync(port));

        var renewed = TestCertificates.Write(directory, "webhook-renewed");

        Assert.NotEqual(first, renewed);
        Assert.Equal(renewed, await TestCertificates.ServedAsync(port));
        using var http = new HttpClient();
        var ready = await http.GetAsync(Url(host, "http", "/readyz"));
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sigterm_to_a_standby_ends_it_at_once_and_the_leader_keeps_leading()
    {
        await using var harness = await StartAsync(replicas: 0);
        var leader = await harness.StartHostAsync("operator-a");
        await WaitForHolderAsync(harness, "operator-a");
        var standby = await harness.StartHostAsync("operator-b");

        var clock = Stopwatch.StartNew();
        await harness.StopHostAsync(standby);
        var stopped = clock.Elapsed;

        Assert.True(stopped < TimeSpan.FromSeconds(5), $"the standby took {stopped} to stop");
        Assert.Equal("operator-a", await HolderAsync(harness));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url(leader, "http", "/readyz"))).StatusCode);
    }

    [Fact]
    public async Task Sigterm_to_the_leader_interrupts_its_run_clears_the_lock_and_releases_the_lease()
    {
        await using var harness = await StartAsync(replicas: 0);
        var leader = await harness.StartHostAsync("operator-a", shutdownTimeout: "00:00:00.500");
        await WaitForHolderAsync(harness, "operator-a");
        harness.Faults(("up", "slow", 1000));
        await harness.CreateAsync("in-flight");
        await harness.WaitForRunAsync("up");

        var clock = Stopwatch.StartNew();
        await harness.StopHostAsync(leader);
        var stopped = clock.Elapsed;

        // Released, not left to expire: a successor takes over on its first try.
        var lease = await harness.Kubernetes.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "operators");
        Assert.True(string.IsNullOrEmpty(lease.Spec.HolderIdentity), $"the lease is still held by {lease.Spec.HolderIdentity}");
        Assert.Empty(Locks(harness));
        Assert.True(stopped < TimeSpan.FromSeconds(30), $"the leader took {stopped} to stop");

        harness.ClearFaults();
        await harness.StartHostAsync("operator-b");
        await harness.WaitForAsync("in-flight", e => Condition(e, "Ready") == "True", "Ready on the successor");
        Assert.Empty(Locks(harness));
    }

    [Fact]
    public async Task Every_metric_the_alert_rules_and_the_dashboard_read_is_in_the_operators_metrics()
    {
        await using var harness = await StartAsync(replicas: 0);
        var host = await harness.StartHostAsync("operator-a");
        await harness.CreateAsync("observed");
        await harness.WaitForAsync("observed", e => Condition(e, "Ready") == "True", "Ready");

        using var http = new HttpClient();
        var exposition = await http.GetStringAsync(Url(host, "http", "/metrics"));
        var exported = exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]).ToHashSet(StringComparer.Ordinal);
        var chart = TestSupport.RepoPaths.InRepo("charts", "dataplatform-operator", "files");
        var rules = Stack.Input.YamlJson.ParseAll(File.ReadAllText(Path.Combine(chart, "prometheus-rules.yaml"))).Single()!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => (string)r!["expr"]!);
        var panels = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(chart, "grafana-dashboard.json")))!["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!);
        var read = rules.Concat(panels).SelectMany(TestSupport.PromQl.MetricNames).ToHashSet(StringComparer.Ordinal);

        Assert.True(read.Count >= 10, $"only {read.Count} metric names found");
        var missing = read.Except(exported).ToList();
        Assert.True(missing.Count == 0, "not in /metrics: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> Locks(OperatorHarness harness)
    {
        var state = Path.Combine(harness.Backend, ".pulumi");
        return Directory.Exists(state)
            ? Directory.GetFiles(state, "*.json", SearchOption.AllDirectories).Where(f => f.Contains("locks", StringComparison.Ordinal))
            : [];
    }

    private static StringContent Review() => new("""
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1","operation":"CREATE",
         "object":{"apiVersion":"dataplatform.io/v1alpha1","kind":"DataPlatformEnvironment","metadata":{"name":"hooked","namespace":"team"},"spec":{"region":"eu-west-1"}}}}
        """, Encoding.UTF8, "application/json");

    internal static int Port(WebApplication host, string scheme) =>
        new Uri(host.Urls.Single(u => u.StartsWith(scheme + "://", StringComparison.Ordinal)).Replace("[::]", "localhost", StringComparison.Ordinal)).Port;

    internal static Uri Url(WebApplication host, string scheme, string path) => new($"{scheme}://localhost:{Port(host, scheme)}{path}");

    private static async Task<string?> HolderAsync(OperatorHarness harness) =>
        (await harness.Kubernetes.CoordinationV1.ReadNamespacedLeaseAsync(Lease, "operators")).Spec.HolderIdentity;

    /// <summary>Waits for /readyz to answer 200 (a leader is Ready once its caches synced).</summary>
    private static async Task WaitReadyAsync(WebApplication host)
    {
        using var http = new HttpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await http.GetAsync(Url(host, "http", "/readyz"), deadline.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    private static async Task WaitForHolderAsync(OperatorHarness harness, string identity)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                if (await HolderAsync(harness) == identity)
                {
                    return;
                }
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
