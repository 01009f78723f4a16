using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// Runs the fake API server's Jobs (with <see cref="FakeJobController"/>) and pods (SEMANTICS.md, "Jobs and
/// pods"): a pod's one container runs as a local process from its image's entrypoint and args, with its env
/// (values and <c>secretKeyRef</c>s), its secret and emptyDir volumes as local folders (mount paths in args and
/// env rewritten to them), <c>HOSTNAME</c> set to the pod's name; stdout and stderr are its log
/// (<c>pods/log</c>, followable); its exit code, reason and termination message (at most 4,096 bytes) become the
/// pod's status. Deleting a pod sends SIGTERM and, after its grace period, kills the process tree. OOM kills and
/// node-loss kills are injected.
/// </summary>
public sealed class FakeKubelet : IPodLogSource, IAsyncDisposable
{
    public const int TerminationMessageLimit = 4096;

    private readonly FakeApiServer _server;
    private readonly IReadOnlyDictionary<string, ContainerImage> _images;
    private readonly FakeJobController _jobs;
    private readonly ConcurrentDictionary<ResourceKey, PodLog> _logs = new();
    private readonly ConcurrentDictionary<ResourceKey, RunningPod> _running = new();
    private readonly ConcurrentBag<string> _terminationMessages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private int _oomKills;

    public FakeKubelet(FakeApiServer server, IReadOnlyDictionary<string, ContainerImage> images)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _images = images;
        _jobs = new FakeJobController(server);
        server.PodLogs = this;
        var (_, live, unsubscribe) = server.Store.Watch(server.Store.Revision);
        _tasks.Add(Task.Run(() => LoopAsync(live, unsubscribe)));
    }

    /// <summary>Every log a container wrote, whole, by pod; kept after the pod is gone.</summary>
    public IReadOnlyDictionary<string, string> Logs => _logs.ToDictionary(p => p.Key.Name, p => p.Value.Text);

    /// <summary>Every termination message a container left.</summary>
    public IReadOnlyCollection<string> TerminationMessages => _terminationMessages;

    /// <summary>Pods whose container has started, by name.</summary>
    public IReadOnlyCollection<string> StartedPods => _logs.Where(p => p.Value.Started).Select(p => p.Key.Name).ToList();

    /// <summary>The next <paramref name="count"/> containers are killed as out of memory (OOMKilled, exit 137) when they write their first log line.</summary>
    public void OomKillNext(int count = 1) => Interlocked.Add(ref _oomKills, count);

    /// <summary>Kills a pod's processes at once, as a lost node or a SIGKILL does (exit 137, reason Error); nothing is cleaned up.</summary>
    public void Kill(string ns, string pod)
    {
        if (_running.TryGetValue(new ResourceKey("", "pods", ns, pod), out var running))
        {
            running.Killed = true;
            KillTree(running.Process);
        }
    }

    public async Task ServeAsync(HttpContext context, string ns, string pod)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = new ResourceKey("", "pods", ns, pod);
        if (_server.Store.Find(key) is not { } stored)
        {
            throw ApiErrorException.NotFound("pods", pod);
        }

        var container = (string?)stored["spec"]?["containers"]?[0]?["name"] ?? "";
        if (!_logs.TryGetValue(key, out var log) || !log.Started)
        {
            var waiting = (string?)stored["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"] ?? "ContainerCreating";
            throw new ApiErrorException(400, "BadRequest", $"container \"{container}\" in pod \"{pod}\" is waiting to start: {waiting}");
        }

        var follow = context.Request.Query["follow"] is { Count: > 0 } f && f[0] is "true" or "1";
        context.Response.ContentType = "text/plain";
        var offset = 0;
        while (true)
        {
            var (text, ended, grown) = log.Read(offset);
            offset += text.Length;
            await context.Response.WriteAsync(text, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (!follow || ended)
            {
                return;
            }

            await grown.WaitAsync(context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var running in _running.Values)
        {
            KillTree(running.Process);
        }

        await Task.WhenAll(_tasks.ToArray()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _jobs.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(System.Threading.Channels.ChannelReader<WatchEvent> live, Action unsubscribe)
    {
        try
        {
            await foreach (var change in live.ReadAllAsync(_stop.Token))
            {
                switch (change.Key.Plural, change.Type)
                {
                    case ("jobs", "ADDED"):
                        _jobs.OnJobAdded(change.Key, change.Body);
                        break;
                    case ("pods", "ADDED"):
                        lock (_tasks)
                        {
                            _tasks.Add(Task.Run(() => RunPodAsync(change.Key, change.Body)));
                        }

                        break;
                    case ("pods", "DELETED"):
                        Terminate(change.Key, change.Body);
                        break;
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            unsubscribe();
        }
    }

    private async Task RunPodAsync(ResourceKey key, JsonObject pod)
    {
        var container = pod["spec"]!["containers"]![0]!.AsObject();
        var log = _logs.GetOrAdd(key, _ => new PodLog());
        var image = (string?)container["image"] ?? "";
        if (!_images.TryGetValue(image, out var local))
        {
            SetStatus(key, "Pending", new JsonObject { ["waiting"] = new JsonObject
            {
                ["reason"] = "ErrImagePull",
                ["message"] = $"rpc error: code = NotFound desc = failed to pull and unpack image \"{image}\": not found",
            } });
            return;
        }

        SetStatus(key, "Pending", new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } });
        var folder = Directory.CreateTempSubdirectory("fake-pod-").FullName;
        try
        {
            var mounts = await MountAsync(key, pod, container, folder);
            if (mounts is null)
            {
                return;
            }

            await RunContainerAsync(key, pod, container, local, mounts, log);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Volumes as local folders (a secret volume waits for its Secret, as the kubelet retries the mount); null when the pod went meanwhile.</summary>
    private async Task<List<(string Path, string Local)>?> MountAsync(ResourceKey key, JsonObject pod, JsonObject container, string folder)
    {
        var volumes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod["spec"]?["volumes"]?.AsArray() ?? [])
        {
            var name = (string)volume!["name"]!;
            var local = Directory.CreateDirectory(Path.Combine(folder, "volumes", name)).FullName;
            volumes[name] = local;
            if ((string?)volume["secret"]?["secretName"] is { } secretName)
            {
                var secretKey = new ResourceKey("", "secrets", key.Namespace, secretName);
                await _server.WaitUntilAsync(store => store.Find(secretKey) is not null || store.Find(key) is null, TimeSpan.FromSeconds(60), $"Secret {secretName} for pod {key.Name}");
                if (_server.Store.Find(secretKey) is not { } secret)
                {
                    return null;
                }

                foreach (var (file, value) in secret["data"]?.AsObject() ?? [])
                {
                    await File.WriteAllBytesAsync(Path.Combine(local, file), Convert.FromBase64String((string)value!));
                }
            }
        }

        var mounts = (container["volumeMounts"]?.AsArray() ?? []).Select(m => ((string)m!["mountPath"]!, volumes[(string)m["name"]!])).ToList();
        mounts.Add(((string?)container["terminationMessagePath"] ?? "/dev/termination-log", Path.Combine(folder, "termination-log")));
        return [.. mounts.OrderByDescending(m => m.Item1.Length)];
    }

    private async Task RunContainerAsync(ResourceKey key, JsonObject pod, JsonObject container, ContainerImage image, List<(string Path, string Local)> mounts, PodLog log)
    {
        string Rewrite(string value) => mounts.FirstOrDefault(m => value == m.Path || value.StartsWith(m.Path + "/", StringComparison.Ordinal)) is { Path: not null } m
            ? m.Local + value[m.Path.Length..]
            : value;

        var command = container["command"]?.AsArray().Select(a => (string)a!).ToList() ?? [.. image.Entrypoint];
        var start = new ProcessStartInfo(image.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Concat(container["args"]?.AsArray().Select(a => (string)a!) ?? []))
        {
            start.ArgumentList.Add(Rewrite(arg));
        }

        start.Environment.Clear();
        foreach (var (name, value) in image.Environment)
        {
            start.Environment[name] = value;
        }

        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            start.Environment[(string)variable!["name"]!] = Rewrite(EnvValue(key.Namespace, variable.AsObject()));
        }

        start.Environment["HOSTNAME"] = key.Name;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The container of pod {key.Name} did not start.");
        var running = new RunningPod(process);
        _running[key] = running;
        log.Start();
        var started = Now();
        SetStatus(key, "Running", new JsonObject { ["running"] = new JsonObject { ["startedAt"] = started } });
        var stdout = PumpAsync(process.StandardOutput, log, running);
        var stderr = PumpAsync(process.StandardError, log, running);
        await process.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAll(stdout, stderr);
        log.End();
        _running.TryRemove(key, out _);

        var terminationFile = mounts.Single(m => m.Path == ((string?)container["terminationMessagePath"] ?? "/dev/termination-log")).Local;
        var message = File.Exists(terminationFile) ? ReadLimited(terminationFile) : "";
        if (message.Length > 0)
        {
            _terminationMessages.Add(message);
        }

        var (exitCode, reason) = running.OomKilled ? (137, "OOMKilled") : running.Killed ? (137, "Error") : (process.ExitCode, process.ExitCode == 0 ? "Completed" : "Error");
        var terminated = new JsonObject { ["exitCode"] = exitCode, ["reason"] = reason, ["startedAt"] = started, ["finishedAt"] = Now() };
        if (message.Length > 0)
        {
            terminated["message"] = message;
        }

        if (SetStatus(key, exitCode == 0 ? "Succeeded" : "Failed", new JsonObject { ["terminated"] = terminated }) is { } ended)
        {
            _jobs.OnPodEnded(ended, deleted: false);
        }
    }

    private async Task PumpAsync(StreamReader reader, PodLog log, RunningPod running)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            log.Append(line);
            if (TakeOomKill(running))
            {
                KillTree(running.Process);
            }
        }
    }

    /// <summary>
    /// Takes one injected OOM kill for a container not already killed, if any is left: once per container however
    /// many lines its stdout and stderr still deliver after the kill, and the count never grows back.
    /// </summary>
    private bool TakeOomKill(RunningPod running)
    {
        lock (running)
        {
            if (running.OomKilled)
            {
                return false;
            }

            while (Volatile.Read(ref _oomKills) is var left and > 0)
            {
                if (Interlocked.CompareExchange(ref _oomKills, left - 1, left) == left)
                {
                    running.OomKilled = true;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A deleted pod: SIGTERM to its process, then the tree killed after the grace period; its Job sees it gone.</summary>
    private void Terminate(ResourceKey key, JsonObject pod)
    {
        if (_running.TryGetValue(key, out var running))
        {
            using (var signal = Process.Start("kill", ["-TERM", running.Process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                signal.WaitForExit();
            }

            var grace = TimeSpan.FromSeconds((long?)pod["spec"]?["terminationGracePeriodSeconds"] ?? 30);
            _ = Task.Delay(grace, _server.Time).ContinueWith(_ =>
            {
                KillTree(running.Process);
            }, TaskScheduler.Default);
        }

        var phase = (string?)pod["status"]?["phase"];
        if (phase is not ("Succeeded" or "Failed"))
        {
            _jobs.OnPodEnded(pod, deleted: true);
        }
    }

    private string EnvValue(string ns, JsonObject variable)
    {
        if ((string?)variable["value"] is { } value)
        {
            return value;
        }

        if (variable["valueFrom"]?["secretKeyRef"] is { } reference
            && _server.Store.Find(new ResourceKey("", "secrets", ns, (string)reference["name"]!)) is { } secret
            && (string?)secret["data"]?[(string)reference["key"]!] is { } data)
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(data));
        }

        return "";
    }

    /// <summary>Writes the pod's phase and its container's state; the stored pod, or null when it is gone.</summary>
    private JsonObject? SetStatus(ResourceKey key, string phase, JsonObject state)
    {
        if (_server.Store.Find(key) is not { } pod)
        {
            return null;
        }

        var container = (string?)pod["spec"]?["containers"]?[0]?["name"];
        pod["status"] = new JsonObject
        {
            ["phase"] = phase,
            ["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = container, ["image"] = pod["spec"]?["containers"]?[0]?["image"]?.DeepClone(), ["ready"] = phase == "Running",
                ["restartCount"] = 0, ["state"] = state,
            }),
        };
        (pod["metadata"] as JsonObject)?.Remove("resourceVersion");
        try
        {
            return _server.Store.ReplaceStatus(key, pod);
        }
        catch (ApiErrorException e) when (e.Code == 404)
        {
            return null;
        }
    }

    /// <summary>Kills a container's processes; one that has ended (and been disposed) meanwhile is left alone.</summary>
    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // The process ended between the look and the kill.
        }
    }

    private static string ReadLimited(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, TerminationMessageLimit));
    }

    private string Now() => _server.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private sealed class RunningPod(Process process)
    {
        public Process Process { get; } = process;

        public bool OomKilled { get; set; }

        public bool Killed { get; set; }
    }
}
