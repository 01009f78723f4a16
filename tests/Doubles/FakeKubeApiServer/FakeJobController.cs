using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// The parts of kube-controller-manager's Job and TTL-after-finished controllers that engine Jobs use
/// (SEMANTICS.md, "Jobs and pods"): one pod per Job (parallelism and completions 1), owned by it and labelled
/// <c>batch.kubernetes.io/job-name</c> and <c>controller-uid</c>; <c>Complete</c> when it succeeds; with
/// <c>backoffLimit: 0</c> a failed or deleted pod fails the Job (<c>BackoffLimitExceeded</c>);
/// <c>activeDeadlineSeconds</c> on the server's clock fails it (<c>DeadlineExceeded</c>) and deletes its pod;
/// <c>ttlSecondsAfterFinished</c> deletes a finished Job (its pods and owned objects then go by garbage collection).
/// </summary>
internal sealed class FakeJobController(FakeApiServer server) : IDisposable
{
    private readonly List<ITimer> _timers = [];

    private ObjectStore Store => server.Store;

    public void OnJobAdded(ResourceKey key, JsonObject job)
    {
        var template = job["spec"]?["template"] ?? throw new InvalidOperationException($"Job {key.Name} has no spec.template.");
        var uid = (string)job["metadata"]!["uid"]!;
        var status = Store.Get(key);
        status["status"] = new JsonObject { ["startTime"] = Now(), ["active"] = 1 };
        Store.ReplaceStatus(key, Unconditional(status));

        var labels = template["metadata"]?["labels"]?.DeepClone() as JsonObject ?? [];
        labels["batch.kubernetes.io/job-name"] = key.Name;
        labels["job-name"] = key.Name;
        labels["batch.kubernetes.io/controller-uid"] = uid;
        labels["controller-uid"] = uid;
        var name = key.Name + "-" + Guid.NewGuid().ToString("N")[..5];
        Store.Create(new ResourceKey("", "pods", key.Namespace, name), new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = key.Namespace,
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["name"] = key.Name, ["uid"] = uid, ["controller"] = true, ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = template["spec"]!.DeepClone(),
        });

        if ((long?)job["spec"]?["activeDeadlineSeconds"] is { } deadline)
        {
            Schedule(TimeSpan.FromSeconds(deadline), () => Fail(key, uid, "DeadlineExceeded", "Job was active longer than specified deadline", deletePods: true));
        }
    }

    /// <summary>A pod of a Job ended (phase Succeeded or Failed) or was deleted before it did.</summary>
    public void OnPodEnded(JsonObject pod, bool deleted)
    {
        if (pod["metadata"]?["ownerReferences"]?.AsArray().FirstOrDefault(o => (string?)o!["kind"] == "Job") is not { } owner)
        {
            return;
        }

        var key = new ResourceKey("batch", "jobs", (string)pod["metadata"]!["namespace"]!, (string)owner["name"]!);
        var phase = (string?)pod["status"]?["phase"];
        if (phase == "Succeeded" && !deleted)
        {
            Finish(key, (string)owner["uid"]!, "Complete", null, null, succeeded: true);
        }
        else if (phase == "Failed" || deleted)
        {
            Fail(key, (string)owner["uid"]!, "BackoffLimitExceeded", "Job has reached the specified backoff limit", deletePods: false);
        }
    }

    private void Fail(ResourceKey key, string uid, string reason, string message, bool deletePods)
    {
        if (!Finish(key, uid, "Failed", reason, message, succeeded: false) || !deletePods)
        {
            return;
        }

        var (pods, _) = Store.List("", "pods", key.Namespace, p => (string?)p["metadata"]?["labels"]?["batch.kubernetes.io/job-name"] == key.Name);
        foreach (var pod in pods)
        {
            try
            {
                Store.Delete(new ResourceKey("", "pods", key.Namespace, (string)pod["metadata"]!["name"]!));
            }
            catch (ApiErrorException e) when (e.Code == 404)
            {
                // Gone meanwhile.
            }
        }
    }

    /// <summary>Writes the Job's terminal condition once; false when it was finished or gone already.</summary>
    private bool Finish(ResourceKey key, string uid, string type, string? reason, string? message, bool succeeded)
    {
        var job = Store.Find(key);
        if (job is null || (string?)job["metadata"]!["uid"] != uid || job["status"]?["conditions"] is JsonArray { Count: > 0 })
        {
            return false;
        }

        var status = job["status"] as JsonObject ?? [];
        status["active"] = 0;
        status[succeeded ? "succeeded" : "failed"] = 1;
        if (succeeded)
        {
            status["completionTime"] = Now();
        }

        var condition = new JsonObject { ["type"] = type, ["status"] = "True", ["lastProbeTime"] = Now(), ["lastTransitionTime"] = Now() };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }

        status["conditions"] = new JsonArray(condition);
        job["status"] = status;
        Store.ReplaceStatus(key, Unconditional(job));
        if ((int?)job["spec"]?["ttlSecondsAfterFinished"] is { } ttl)
        {
            Schedule(TimeSpan.FromSeconds(ttl), () =>
            {
                if (Store.Find(key) is { } current && (string?)current["metadata"]!["uid"] == uid)
                {
                    Store.Delete(key);
                }
            });
        }

        return true;
    }

    private void Schedule(TimeSpan after, Action action)
    {
        lock (_timers)
        {
            _timers.Add(server.Time.CreateTimer(_ =>
            {
                try
                {
                    action();
                }
                catch (ApiErrorException e) when (e.Code is 404 or 409)
                {
                    // The object went or changed meanwhile; the controller acts on its next sight of it.
                }
            }, null, after, Timeout.InfiniteTimeSpan));
        }
    }

    public void Dispose()
    {
        lock (_timers)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }
        }
    }

    private string Now() => server.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject Unconditional(JsonObject obj)
    {
        (obj["metadata"] as JsonObject)?.Remove("resourceVersion");
        return obj;
    }
}
