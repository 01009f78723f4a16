using System.Text.Json.Nodes;
using DataPlatform.Doubles.FakeKubeApiServer;
using DataPlatform.Entities;
using DataPlatform.Operator.Hosting;
using DataPlatform.Operator.Runtime.Abstractions;
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
internal sealed partial class OperatorHarness : IAsyncDisposable
{
    /// <summary>
    /// The checked-in CRD installed as apiextensions installs it: a CRD the real API server would reject fails
    /// here, and every write of an environment goes through its schema and CEL rules.
    /// </summary>
    public static readonly ResourceType Environments = ResourceType.FromCrd(File.ReadAllText(RepoPaths.InRepo(Operator.Crd.CrdGenerator.RelativePath.Split('/'))));

    /// <summary>The cluster-scoped DataPlatformPolicy CRD, installed the same way.</summary>
    public static readonly ResourceType Policies = ResourceType.FromCrd(File.ReadAllText(RepoPaths.InRepo(Operator.Crd.PolicyCrd.RelativePath.Split('/'))));

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

    /// <summary>Every log line of every replica, with its scopes.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Fires after every reconcile of any replica.</summary>
    public Pulse Reconciled { get; } = new();

    public Kubernetes Kubernetes { get; }

    public string Backend => Path.Combine(_root, "backend");

    public string FaultsFile => Path.Combine(_root, "faults.json");

    public string CallLog => Path.Combine(_root, "calls.jsonl");

    /// <summary>The harness's scratch folder, deleted on dispose.</summary>
    public string Root => _root;

    public static async Task<OperatorHarness> StartAsync(int replicas = 1, int workers = 8, IReadOnlyDictionary<string, string?>? settings = null, bool jobs = false)
    {
        var server = new FakeApiServer([Environments, Policies]) { BookmarkInterval = TimeSpan.FromMilliseconds(200) };
        await server.StartAsync();
        var harness = new OperatorHarness(server);
        if (jobs)
        {
            harness.RunEngineAsJobs();
        }

        for (var i = 0; i < replicas; i++)
        {
            await harness.StartHostAsync($"operator-{i}", workers, settings: settings);
        }

        return harness;
    }

    public async Task<WebApplication> StartHostAsync(string identity, int workers = 8, string shutdownTimeout = "00:00:30", IReadOnlyDictionary<string, string?>? settings = null)
    {
        // The webhook's listener is set up from the command line (before configure runs), so its settings go there too.
        var webhookArgs = settings?.Where(s => s.Key.StartsWith("Webhook:", StringComparison.Ordinal)).Select(s => $"--{s.Key}={s.Value}") ?? [];
        var host = OperatorHost.Build(["--Http:Port=0", .. webhookArgs], builder =>
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
            builder.Logging.AddProvider(Logs);
            builder.Services.AddSingleton<IKubernetes>(new Kubernetes(new KubernetesClientConfiguration { Host = Server.Address.ToString() }));
            builder.Services.AddSingleton(_ => new Operator.Metrics.OperatorMetrics(Prometheus.Metrics.NewCustomRegistry()));
            var inner = builder.Services.Last(d => d.ServiceType == typeof(IControllerObserver));
            builder.Services.Remove(inner);
            builder.Services.AddSingleton<IControllerObserver>(provider => new SignallingControllerObserver(
                (IControllerObserver)(inner.ImplementationInstance ?? inner.ImplementationFactory?.Invoke(provider) ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!)),
                Reconciled));
        });
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    /// <summary>
    /// The settings every operator replica of this harness runs with: the fake pulumi and its fault script and call
    /// log, a workspace per replica, and leader election fast enough for tests.
    /// </summary>
    public Dictionary<string, string?> HostSettings(string identity, int workers = 8, string shutdownTimeout = "00:00:30") => WithJobSettings(new()
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
    });

    /// <summary>Where a replica looks for its webhook certificate; nothing is there unless a test writes one before starting it.</summary>
    public string CertDirectory(string identity) => Path.Combine(_root, "certs-" + identity);

    /// <summary>Writes (any client's) to environments, their status and Secrets; lease renewals are left out.</summary>
    public int EnvironmentAndSecretWrites() => Server.Requests.Counts
        .Where(c => c.Key.Split(' ') is [var verb, var resource] && verb is "POST" or "PUT" or "PATCH" or "DELETE"
            && (resource.StartsWith(V1Alpha1DataPlatformEnvironment.Plural, StringComparison.Ordinal) || resource == "secrets"))
        .Sum(c => c.Value);

    /// <summary>The first replica's metrics, as its /metrics serves them.</summary>
    public Operator.Metrics.OperatorMetrics Metrics => _hosts[0].Services.GetRequiredService<Operator.Metrics.OperatorMetrics>();

    /// <summary>A sample of the first replica's metrics exposition ("name{label=\"value\"}"), or null when absent.</summary>
    public async Task<double?> MetricAsync(string sample)
    {
        using var stream = new MemoryStream();
        await Metrics.Registry.CollectAndExportAsTextAsync(stream);
        return Loopback.MetricSum(System.Text.Encoding.UTF8.GetString(stream.ToArray()), sample);
    }

    /// <summary>Settings that make a replica serve the validating webhook over HTTPS with a certificate the test's CA signed.</summary>
    public Dictionary<string, string?> WebhookSettings()
    {
        var directory = Path.Combine(_root, "serving-certs");
        WebhookCaPem = WebhookCertificates.Write(directory);
        return new() { ["Webhook:CertDirectory"] = directory, ["Webhook:Port"] = "0" };
    }

    /// <summary>The CA that signed the webhook's serving certificate (the caBundle), once <see cref="WebhookSettings"/> ran.</summary>
    public string? WebhookCaPem { get; private set; }

    /// <summary>
    /// Registers config/webhook's ValidatingWebhookConfiguration in the fake API server, its service resolving to
    /// the HTTPS port of <paramref name="host"/> (started with <see cref="WebhookSettings"/>), as cert-manager and
    /// the Service would arrange in a cluster.
    /// </summary>
    public void RegisterWebhook(WebApplication host)
    {
        var https = host.Urls.Select(u => new Uri(u.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)))
            .Single(u => u.Scheme == Uri.UriSchemeHttps);
        Server.Webhooks.Register(File.ReadAllText(RepoPaths.InRepo("config", "webhook", "manifests.yaml")), https, WebhookCaPem!);
    }

    /// <summary>GET /healthz of a replica: the status code and body.</summary>
    public static async Task<(int Code, string Body)> HealthAsync(WebApplication host)
    {
        var http = host.Urls.Select(u => new Uri(u.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)))
            .First(u => u.Scheme == Uri.UriSchemeHttp);
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(http, "/healthz"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task StopHostAsync(WebApplication host)
    {
        await host.StopAsync();
        await host.DisposeAsync();
        _hosts.Remove(host);
    }

    public void Faults(params (string Command, string Kind, int DelayMs)[] faults) => FakePulumiFaults.Write(FaultsFile, faults);

    /// <summary>No more injected faults: every later CLI call runs normally.</summary>
    public void ClearFaults() => Faults(Array.Empty<(string, string, int)>());

    /// <summary>Faults that name the resource whose step fails (null: the third step).</summary>
    public void Faults(params (string Command, string Kind, int DelayMs, string? Resource)[] faults) => FakePulumiFaults.Write(FaultsFile, faults);

    /// <summary>Status writes to environments (PUT .../status) recorded by the fake API server.</summary>
    public int StatusWrites() => Server.Requests.Counts
        .Where(c => c.Key == $"PUT {V1Alpha1DataPlatformEnvironment.Plural}/status")
        .Sum(c => c.Value);

    /// <summary>Engine runs of a command (up, destroy, ...) recorded by the fake pulumi, optionally for one stack.</summary>
    public int Runs(string command, string? stack = null) => !File.Exists(CallLog) ? 0 : File.ReadAllLines(CallLog)
        .Select(l => JsonNode.Parse(l)!["args"]!.AsArray().Select(a => (string?)a).ToList())
        .Count(args => args.ElementAtOrDefault(1) == command && (stack is null || args.Contains(stack)));

    /// <summary>Invocations of a `pulumi stack` subcommand (ls, select, rm, ...) recorded by the fake pulumi.</summary>
    public int StackCommands(string subcommand) => !File.Exists(CallLog) ? 0 : File.ReadAllLines(CallLog)
        .Select(l => JsonNode.Parse(l)!["args"]!.AsArray().Select(a => (string?)a).ToList())
        .Count(args => args.ElementAtOrDefault(1) == "stack" && args.ElementAtOrDefault(2) == subcommand);

    /// <summary>Waits until the fake pulumi has started a command, signalled by writes to its call log, with a deadline.</summary>
    public async Task WaitForRunAsync(string command)
    {
        var written = new Pulse();
        using var watcher = new FileSystemWatcher(_root, Path.GetFileName(CallLog)) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName };
        watcher.Changed += (_, _) => written.Fire();
        watcher.Created += (_, _) => written.Fire();
        watcher.EnableRaisingEvents = true;
        await written.WaitUntilAsync(() => Runs(command) > 0, Deadline, $"a pulumi {command} run");
    }

    /// <summary>Waits until the fake pulumi has run a command at least <paramref name="count"/> times, signalled by its call log.</summary>
    public async Task WaitForRunsAsync(string command, int count)
    {
        var written = new Pulse();
        using var watcher = new FileSystemWatcher(_root, Path.GetFileName(CallLog)) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName };
        watcher.Changed += (_, _) => written.Fire();
        watcher.Created += (_, _) => written.Fire();
        watcher.EnableRaisingEvents = true;
        await written.WaitUntilAsync(() => Runs(command) >= count, Deadline, $"{count} pulumi {command} runs");
    }

    /// <summary>Replaces the environment's status with none, as a restore from a backup without status would.</summary>
    public async Task WipeStatusAsync(string name, string ns = "team")
    {
        var current = await GetAsync(name, ns);
        current.Status = null;
        await Kubernetes.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(current, V1Alpha1DataPlatformEnvironment.GroupName,
            V1Alpha1DataPlatformEnvironment.Version, ns, V1Alpha1DataPlatformEnvironment.Plural, name);
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

        if (Kubelet is not null)
        {
            await Kubelet.DisposeAsync();
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
