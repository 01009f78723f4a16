using System.Text;
using System.Text.Json.Nodes;
using DataPlatform.Entities.Spec;
using k8s;
using k8s.Models;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>Engine:Mode=Job end to end: every engine run is a Job the fake kubelet runs as the operator binary's engine verb.</summary>
public sealed class JobModeTests
{
    private const string AccessKey = "AKIAJOBMODEE2EKEY0001";
    private const string SecretKey = "job-mode-secret-access-key-do-not-leak";

    [Fact]
    public async Task Create_becomes_ready_through_an_engine_job_and_delete_destroys_through_another()
    {
        await using var harness = await StartAsync(jobs: true);
        await harness.Kubernetes.CoreV1.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "aws" },
            Data = new Dictionary<string, byte[]> { ["AWS_ACCESS_KEY_ID"] = Encoding.UTF8.GetBytes(AccessKey), ["AWS_SECRET_ACCESS_KEY"] = Encoding.UTF8.GetBytes(SecretKey) },
        }, "team");
        await harness.CreateAsync("jobbed", e => e.Spec.Stack.CredentialsSecretRef = new SecretReference { Name = "aws" });

        await harness.WaitForAsync("jobbed", e => Condition(e, "Ready") == "True", "Ready=True");
        var ready = await harness.GetAsync("jobbed");
        Assert.EndsWith(".eu-west-1.rds.amazonaws.com", ready.Status!.Endpoints!.DatabaseWriter, StringComparison.Ordinal);
        var secret = await harness.Kubernetes.CoreV1.ReadNamespacedSecretAsync("jobbed-connection", "team");
        Assert.StartsWith("postgresql://dbadmin:", Encoding.UTF8.GetString(secret.Data["DATABASE_URL"]), StringComparison.Ordinal);
        Assert.Equal(1, harness.Runs("up"));

        var up = Assert.Single(Jobs(harness), j => Label(j, "dataplatform.io/operation") == "up");
        Assert.Equal(EngineNamespace, (string?)up["metadata"]!["namespace"]);
        Assert.Equal(ready.Metadata.Uid, Label(up, "dataplatform.io/environment-uid"));
        Assert.Equal("jobbed", Label(up, "dataplatform.io/environment-name"));
        Assert.Equal("team", Label(up, "dataplatform.io/environment-namespace"));
        Assert.Equal("1", Label(up, "dataplatform.io/generation"));
        Assert.Equal(0, (int?)up["spec"]!["backoffLimit"]);
        Assert.NotNull(up["spec"]!["activeDeadlineSeconds"]);
        Assert.NotNull(up["spec"]!["ttlSecondsAfterFinished"]);
        var container = up["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal(EngineImage, (string?)container["image"]);
        Assert.Equal("engine", (string?)container["args"]![0]);
        Assert.True((bool?)container["securityContext"]!["readOnlyRootFilesystem"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);

        // Progress reached the operator through the pod's log: the engine events are there, one per line.
        Assert.Contains(harness.Kubelet!.Logs.Values, log => log.Contains("\"resourcePreEvent\"", StringComparison.Ordinal));
        // The consumed Job is deleted; its pod and its Secret go with it (garbage collection).
        await harness.Server.WaitUntilAsync(s => s.Snapshot("jobs").Count == 0 && s.Snapshot("pods").Count == 0
            && !s.Snapshot("secrets").Any(x => (string?)x["metadata"]!["namespace"] == EngineNamespace), TimeSpan.FromSeconds(30), "the consumed Job, its pod and Secret gone");

        await harness.DeleteAsync("jobbed");
        await harness.WaitForAsync("jobbed", e => e is null, "gone");
        Assert.Single(Jobs(harness), j => Label(j, "dataplatform.io/operation") == "destroy");
        Assert.Equal(1, harness.Runs("destroy"));

        AssertNoSecretIn(harness, AccessKey, SecretKey, "e2e-passphrase");
    }

    /// <summary>No secret value in any version of a Job or pod (spec, labels, annotations, status, termination message) nor in any log.</summary>
    internal static void AssertNoSecretIn(OperatorHarness harness, params string[] secrets)
    {
        var objects = harness.EngineObjectHistory().Where(o => (string?)o["kind"] is "Job" or "Pod").Select(o => o.ToJsonString()).ToList();
        Assert.NotEmpty(objects);
        var texts = objects.Concat(harness.Kubelet!.Logs.Values).Concat(harness.Kubelet.TerminationMessages).ToList();
        Assert.NotEmpty(harness.Kubelet.TerminationMessages);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>The first stored version of every Job (as created).</summary>
    internal static List<JsonObject> Jobs(OperatorHarness harness) => harness.EngineObjectHistory()
        .Where(o => (string?)o["kind"] == "Job")
        .GroupBy(o => (string?)o["metadata"]!["uid"])
        .Select(g => g.First())
        .ToList();

    internal static string? Label(JsonObject o, string key) => (string?)o["metadata"]?["labels"]?[key];
}
