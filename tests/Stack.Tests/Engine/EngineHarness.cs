using System.Text.Json.Nodes;
using DataPlatform.Stack.Engine;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Engine;

/// <summary>The real driver against the fake pulumi, in a temporary backend, with faults and a call log.</summary>
internal sealed class EngineHarness : IDisposable
{
    public const string Passphrase = "correct horse battery staple";
    public const string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public const string Program = """
        name: harness
        runtime: yaml
        resources:
          vpc:
            type: aws:ec2/vpc:Vpc
            properties: {cidrBlock: 10.0.0.0/16}
          events:
            type: aws:kinesis/stream:Stream
            properties: {name: harness-events, retentionPeriod: 24}
          password:
            type: random:index/randomPassword:RandomPassword
            properties: {length: 32}
          cluster:
            type: aws:rds/cluster:Cluster
            properties: {clusterIdentifier: harness-db, engine: aurora-postgresql, masterPassword: {fn::secret: "${password.result}"}}
        outputs:
          vpcId: ${vpc.id}
          databaseWriter: ${cluster.endpoint}
          kinesisStreamArn: ${events.arn}
          databasePassword:
            fn::secret: ${password.result}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("engine-test-").FullName;

    public EngineHarness(Action<StackEngineOptions>? configure = null, string passphrase = Passphrase)
    {
        Directory.CreateDirectory(Backend);
        Options = new StackEngineOptions
        {
            CliPath = FakePulumiPath,
            WorkspaceRoot = Path.Combine(_root, "workspaces"),
            PulumiHome = Path.Combine(_root, "home"),
            DefaultBackendUrl = "file://" + Backend,
            Passphrase = passphrase,
            RunTimeout = TimeSpan.FromMinutes(2),
            CancelGracePeriod = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(Options);
        Engine = new PulumiCliEngine(Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, Logs);
    }

    public static string FakePulumiPath => FakePulumiLocator.Path;

    public string Backend => Path.Combine(_root, "backend");

    public string FaultsFile => Path.Combine(_root, "faults.json");

    public string CallLog => Path.Combine(_root, "calls.jsonl");

    public StackEngineOptions Options { get; }

    public CapturingLogger<PulumiCliEngine> Logs { get; } = new();

    public PulumiCliEngine Engine { get; }

    public StackRequest Request(string stack = "team.harness", string program = Program) => new()
    {
        StackName = stack,
        Files = new Dictionary<string, string>
        {
            ["Pulumi.yaml"] = program,
            [$"Pulumi.{stack}.yaml"] = "config:\n  aws:region: eu-west-1\n",
        },
        SecretsProvider = "passphrase",
        Environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = AwsSecret,
            ["FAKE_PULUMI_FAULTS"] = FaultsFile,
            ["FAKE_PULUMI_CALL_LOG"] = CallLog,
        },
    };

    public void Faults(params (string Command, string Kind, int DelayMs)[] faults) => FakePulumiFaults.Write(FaultsFile, faults);

    public IReadOnlyList<JsonObject> Calls() => File.Exists(CallLog)
        ? File.ReadAllLines(CallLog).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
        : [];

    public int Runs(string command) => Calls().Count(c => c["args"]!.AsArray().Skip(1).FirstOrDefault()?.GetValue<string>() == command);

    public string[] LockFiles() => Directory.Exists(Path.Combine(Backend, ".pulumi", "locks"))
        ? Directory.GetFiles(Path.Combine(Backend, ".pulumi", "locks"), "*.json", SearchOption.AllDirectories)
        : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A killed fake may still hold a file for a moment; the temp folder is left behind then.
        }
    }
}
