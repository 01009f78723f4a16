using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Entities;
using DataPlatform.Operator.Hosting;
using DataPlatform.TestSupport;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// The real operator host against the fake API server and the fake pulumi: environments are created with the real
/// KubernetesClient, and tests wait on what a user would see (conditions, the Secret) with a deadline.
/// </summary>
internal sealed class OperatorHarness : IAsyncDisposable
{
    public static readonly ResourceType Environments = new(
        V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Version, V1Alpha1DataPlatformEnvironment.Plural,
        V1Alpha1DataPlatformEnvironment.KindName, StatusSubresource: true);

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _root = Directory.CreateTempSubdirectory("e2e-").FullName;
    private readonly List<WebApplication> _hosts = [];

    private OperatorHarness(FakeApiServer server)
    {
        Server = server;
        Kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString() });
        Directory.CreateDirectory(Backend);
    }

    public FakeApiServer Server { get; }

    public Kubernetes Kubernetes { get; }

    public string Backend => Path.Combine(_root, "backend");

    public string FaultsFile => Path.Combine(_root, "faults.json");

    public string CallLog => Path.Combine(_root, "calls.jsonl");

    /// <summary>The harness's scratch folder, deleted on dispose.</summary>
    public string Root => _root;

    public static async Task<OperatorHarness> StartAsync(int replicas = 1, int workers = 8, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = new FakeApiServer([Environments]) { BookmarkInterval = TimeSpan.FromMilliseconds(200) };
        await server.StartAsync();
        var harness = new OperatorHarness(server);
        for (var i = 0; i < replicas; i++)
        {
            await harness.StartHostAsync($"operator-{i}", workers, settings: settings);
        }

        return harness;
    }

    public async Task<WebApplication> StartHostAsync(string identity, int workers = 8, string shutdownTimeout = "00:00:30", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = OperatorHost.Build(["--Http:Port=0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(HostSettings(identity, workers, shutdownTimeout));
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
            builder.Logging.ClearProviders();
            if (Environment.GetEnvironmentVariable("E2E_LOGS") == "1")
            {
                builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Debug);
            }
            builder.Services.AddSingleton<IKubernetes>(new Kubernetes(new KubernetesClientConfiguration { Host = Server.Address.ToString() }));
            builder.Services.AddSingleton(_ => new Operator.Metrics.OperatorMetrics(Prometheus.Metrics.NewCustomRegistry()));
        });
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    /// <summary>
    /// The settings every operator replica of this harness runs with: the fake pulumi and its fault script and call
    /// log, a workspace per replica, and leader election fast enough for tests.
    /// </summary>
    public Dictionary<string, string?> HostSettings(string identity, int workers = 8, string shutdownTimeout = "00:00:30") => new()
    {
        ["Engine:CliPath"] = FakePulumiLocator.Path,
        ["Engine:WorkspaceRoot"] = Path.Combine(_root, "workspaces-" + identity),
        ["Engine:DefaultBackendUrl"] = "file://" + Backend,
        ["Engine:Passphrase"] = "e2e-passphrase",
        ["Engine:Environment:FAKE_PULUMI_FAULTS"] = FaultsFile,
        ["Engine:Environment:FAKE_PULUMI_CALL_LOG"] = CallLog,
        ["Operator:MaxConcurrentReconciles"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Operator:ShutdownTimeout"] = shutdownTimeout,
        ["Operator:LeaderElection:Identity"] = identity,
        ["Operator:LeaderElection:LeaseNamespace"] = "operators",
        ["Operator:LeaderElection:LeaseDuration"] = "00:00:03",
        ["Operator:LeaderElection:RenewDeadline"] = "00:00:02",
        ["Operator:LeaderElection:RetryPeriod"] = "00:00:00.200",
        ["Webhook:CertDirectory"] = CertDirectory(identity),
        ["Webhook:Port"] = "0",
        ["Webhook:CertificateCheckInterval"] = "00:00:00",
    };

    /// <summary>Where a replica looks for its webhook certificate; nothing is there unless a test writes one before starting it.</summary>
    public string CertDirectory(string identity) => Path.Combine(_root, "certs-" + identity);

    /// <summary>Writes (any client's) to environments, their status and Secrets; lease renewals are left out.</summary>
    public int EnvironmentAndSecretWrites() => Server.Requests.Counts
        .Where(c => c.Key.Split(' ') is [var verb, var resource] && verb is "POST" or "PUT" or "PATCH" or "DELETE"
            && (resource.StartsWith(V1Alpha1DataPlatformEnvironment.Plural, StringComparison.Ordinal) || resource == "secrets"))
        .Sum(c => c.Value);

    /// <summary>A sample of the first replica's metrics exposition ("name{label=\"value\"}"), or null when absent.</summary>
    public async Task<double?> MetricAsync(string sample)
    {
        var metrics = _hosts[0].Services.GetRequiredService<Operator.Metrics.OperatorMetrics>();
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return Loopback.MetricSum(System.Text.Encoding.UTF8.GetString(stream.ToArray()), sample);
    }

    public async Task StopHostAsync(WebApplication host)
    {
        await host.StopAsync();
        await host.DisposeAsync();
        _hosts.Remove(host);
    }

    public void Faults(params (string Command, string Kind, int DelayMs)[] faults) => FakePulumiFaults.Write(FaultsFile, faults);

    /// <summary>Engine runs of a command (up, destroy, ...) recorded by the fake pulumi, optionally for one stack.</summary>
    public int Runs(string command, string? stack = null) => !File.Exists(CallLog) ? 0 : File.ReadAllLines(CallLog)
        .Select(l => JsonNode.Parse(l)!["args"]!.AsArray().Select(a => (string?)a).ToList())
        .Count(args => args.ElementAtOrDefault(1) == command && (stack is null || args.Contains(stack)));

    /// <summary>Waits until the fake pulumi has started a command, by its call log, with a deadline.</summary>
    public async Task WaitForRunAsync(string command)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (Runs(command) == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    public async Task<V1Alpha1DataPlatformEnvironment> CreateAsync(string name, Action<V1Alpha1DataPlatformEnvironment>? configure = null, string ns = "team")
    {
        var environment = new V1Alpha1DataPlatformEnvironment
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = { Region = "eu-west-1" },
        };
        environment.Spec.Database.DeletionProtection = false;
        environment.Spec.Stack.Retry.BaseDelaySeconds = 1;
        environment.Spec.Stack.Retry.MaxDelaySeconds = 2;
        configure?.Invoke(environment);
        using var client = Generic();
        return await client.CreateNamespacedAsync(environment, ns);
    }

    public async Task<V1Alpha1DataPlatformEnvironment> GetAsync(string name, string ns = "team")
    {
        using var client = Generic();
        return await client.ReadNamespacedAsync<V1Alpha1DataPlatformEnvironment>(ns, name);
    }

    public async Task<V1Alpha1DataPlatformEnvironment> UpdateAsync(string name, Action<V1Alpha1DataPlatformEnvironment> change, string ns = "team")
    {
        using var client = Generic();
        for (var attempt = 0; ; attempt++)
        {
            var current = await client.ReadNamespacedAsync<V1Alpha1DataPlatformEnvironment>(ns, name);
            change(current);
            try
            {
                return await client.ReplaceNamespacedAsync(current, ns, name);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
            }
        }
    }

    public async Task DeleteAsync(string name, string ns = "team")
    {
        using var client = Generic();
        await client.DeleteNamespacedAsync<V1Alpha1DataPlatformEnvironment>(ns, name);
    }

    /// <summary>Waits until the environment's stored object satisfies the condition.</summary>
    public Task WaitForAsync(string name, Func<JsonObject?, bool> condition, string what, string ns = "team") =>
        Server.WaitUntilAsync(
            store => condition(store.Find(new ResourceKey(V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Plural, ns, name))),
            Deadline,
            $"{ns}/{name}: {what}");

    public static string? Condition(JsonObject? environment, string type, string field = "status") =>
        environment?["status"]?["conditions"]?.AsArray().FirstOrDefault(c => (string?)c!["type"] == type)?[field]?.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.ToList())
        {
            await StopHostAsync(host);
        }

        Kubernetes.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A fake pulumi that is still exiting may hold a file for a moment.
        }
    }

    private GenericClient Generic() => new(Kubernetes, V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Version, V1Alpha1DataPlatformEnvironment.Plural, disposeClient: false);
}
