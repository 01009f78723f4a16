using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Failures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// <see cref="IStackEngine"/> over the Pulumi CLI, with LocalWorkspace's command lines (FACTS.md section 2).
/// A run writes the workspace, selects or creates the stack, runs the operation while tailing its event log,
/// classifies a failure with <see cref="FailureClassifier"/>, and clears the lock of a run it interrupted.
/// A lock left by a crashed run and the pending operations it left are recovered deliberately (cancel, then
/// export, drop pending_operations, import) and the recovery is recorded in the result.
/// </summary>
public sealed partial class PulumiCliEngine : IStackEngine
{
    private readonly StackEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PulumiCliEngine> _logger;
    private readonly PulumiCli _cli;
    private readonly FailureClassifier _classifier;

    /// <summary>The classifier is the configured one from DI; without one, the built-in table.</summary>
    public PulumiCliEngine(IOptions<StackEngineOptions> options, TimeProvider time, ILogger<PulumiCliEngine> logger, FailureClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _cli = new PulumiCli(_options, logger);
        _classifier = classifier ?? FailureClassifier.Default;
    }

    public Task<Version> CheckCliAsync(CancellationToken cancellationToken) => _cli.CheckVersionAsync(cancellationToken);

    public async Task<EngineRunResult> RunAsync(StackRequest request, EngineOperation operation, IProgress<EngineEvent>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetUtcNow();
        var directory = StackWorkspace.Write(_options.WorkspaceRoot, request);
        var recoveries = new List<string>();
        var selected = await SelectOrCreateAsync(request, directory, cancellationToken);
        if (selected is not null)
        {
            return new EngineRunResult(operation, EngineOutcome.Failed, new Dictionary<string, int>(), selected, recoveries, started, _time.GetUtcNow());
        }

        if (operation == EngineOperation.Destroy)
        {
            // Stateful resources carry `protect`, which the engine enforces on destroy too; only the deletion path
            // (deletionPolicy Delete, deletion protection off, decided by the lifecycle) lifts it, here, right before.
            await RequireAsync(["state", "unprotect", "--all", "--yes", "--stack", request.StackName], directory, request, cancellationToken);
        }

        var result = await RunOnceAsync(request, operation, directory, progress, recoveries, started, cancellationToken);
        if (result.Failure is { Class: "LockHeld" } failure && LockInfo.Parse(failure.Message) is { Count: > 0 } locks
            && locks.All(l => l.IsStale(_time.GetUtcNow(), _options.RunTimeout + _options.CancelGracePeriod, request.GoneLockHolders)))
        {
            await RecoverAsync(request, directory, recoveries, cancellationToken);
            result = await RunOnceAsync(request, operation, directory, progress, recoveries, started, cancellationToken);
        }

        Log.RunEnded(_logger, operation, request.StackName, result.Outcome, result.Failure?.Class);
        return result;
    }

    public async Task<IReadOnlyDictionary<string, StackOutput>> GetOutputsAsync(StackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = StackWorkspace.Write(_options.WorkspaceRoot, request);
        var masked = Parse(await RequireAsync(["stack", "output", "--json", "--stack", request.StackName], directory, request, cancellationToken));
        var plain = Parse(await RequireAsync(["stack", "output", "--json", "--show-secrets", "--stack", request.StackName], directory, request, cancellationToken));
        return plain.ToDictionary(
            p => p.Key,
            p => new StackOutput(Text(p.Value), IsSecret: masked[p.Key] is JsonValue v && v.TryGetValue<string>(out var s) && s == "[secret]"),
            StringComparer.Ordinal);
    }

    public async Task<bool> StackExistsAsync(StackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = await RequireAsync(["stack", "ls", "--json"], StackWorkspace.Write(_options.WorkspaceRoot, request), request, cancellationToken);
        if (JsonNode.Parse(json) is not JsonArray stacks)
        {
            throw new EngineConfigurationException($"pulumi stack ls --json printed no list: {FailureClassifier.Clean(json, Secrets(request))}");
        }

        // Names of the current project's stacks are printed bare by the DIY backend, qualified (org/project/stack) otherwise.
        return stacks.Select(s => (string?)s?["name"]).Any(name => name == request.StackName || name?.EndsWith("/" + request.StackName, StringComparison.Ordinal) == true);
    }

    public async Task RemoveStackAsync(StackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = StackWorkspace.Write(_options.WorkspaceRoot, request);
        await RequireAsync(["stack", "rm", "--yes", request.StackName], directory, request, cancellationToken);
        Directory.Delete(directory, recursive: true);
    }

    internal async Task<string> ExportAsync(StackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await RequireAsync(["stack", "export", "--show-secrets", "--stack", request.StackName], StackWorkspace.Write(_options.WorkspaceRoot, request), request, cancellationToken);
    }

    internal async Task ImportAsync(StackRequest request, string deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = StackWorkspace.Write(_options.WorkspaceRoot, request);
        var file = Path.Combine(directory, $"import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, deployment, cancellationToken);
        try
        {
            await RequireAsync(["stack", "import", "--file", file, "--stack", request.StackName], directory, request, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<EngineRunResult> RunOnceAsync(
        StackRequest request, EngineOperation operation, string directory, IProgress<EngineEvent>? progress, List<string> recoveries, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var eventLog = Path.Combine(directory, $"events-{Guid.NewGuid():N}.jsonl");
        using var timeout = new CancellationTokenSource(_options.RunTimeout, _time);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var tail = new EventLogTail(eventLog, _time, progress);
        var cliTask = _cli.RunAsync(Arguments(operation, request.StackName, eventLog), directory, request, stackOperation: true, interrupt.Token);
        await tail.RunAsync(cliTask, CancellationToken.None);
        var run = await cliTask;
        await tail.RunAsync(Task.CompletedTask, CancellationToken.None);
        File.Delete(eventLog);

        var changes = tail.Progress.Summary?.ResourceChanges ?? new Dictionary<string, int>();
        if (run.Interrupted)
        {
            await RequireAsync(["cancel", "--yes", "--stack", request.StackName], directory, request, CancellationToken.None);
            recoveries.Add("Cleared the stack lock left by the interrupted run.");
            var outcome = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested ? EngineOutcome.TimedOut : EngineOutcome.Cancelled;
            var message = outcome == EngineOutcome.TimedOut
                ? $"The {operation} run took longer than {_options.RunTimeout} and was interrupted."
                : $"The {operation} run was cancelled.";
            return new EngineRunResult(operation, outcome, changes, new Failure(outcome.ToString(), FailureOutcome.Transient, null, null, message), recoveries, started, _time.GetUtcNow());
        }

        if (run.Ok && tail.Progress.Summary?.Result is null or "succeeded")
        {
            return new EngineRunResult(operation, EngineOutcome.Succeeded, changes, null, recoveries, started, _time.GetUtcNow())
            {
                Plan = operation == EngineOperation.Preview ? PlanDigest.Of(request, tail.Progress.Planned) : null,
            };
        }

        var texts = tail.Progress.Errors.Select(e => e.Message).Append(run.Stderr).Where(t => t.Trim().Length > 0).ToList();
        var failure = texts.Count == 0 && !tail.Progress.Ended
            ? new Failure("EngineCrash", FailureOutcome.Transient, null, null, $"The Pulumi CLI exited with code {run.ExitCode} before the {operation} finished, without an error; the next run recovers its lock.")
            : _classifier.Classify(texts, Secrets(request));
        return new EngineRunResult(operation, EngineOutcome.Failed, changes, failure, recoveries, started, _time.GetUtcNow());
    }

    private async Task RecoverAsync(StackRequest request, string directory, List<string> recoveries, CancellationToken cancellationToken)
    {
        await RequireAsync(["cancel", "--yes", "--stack", request.StackName], directory, request, cancellationToken);
        recoveries.Add("Removed a stale lock left by a run that no longer exists.");
        var deployment = JsonNode.Parse(await ExportAsync(request, cancellationToken))!.AsObject();
        if (deployment["deployment"]?["pending_operations"] is JsonArray { Count: > 0 } pending)
        {
            var described = string.Join(", ", pending.Select(p => $"{UrnName((string?)p!["resource"]?["urn"])} ({p["type"]})"));
            deployment["deployment"]!["pending_operations"] = new JsonArray();
            await ImportAsync(request, deployment.ToJsonString(), cancellationToken);
            recoveries.Add($"Dropped {pending.Count} pending operations left by the interrupted run: {described}; the next update reconciles those resources.");
        }
    }

    private async Task<Failure?> SelectOrCreateAsync(StackRequest request, string directory, CancellationToken cancellationToken)
    {
        var select = await _cli.RunAsync(["stack", "select", "--stack", request.StackName], directory, request, false, cancellationToken);
        if (select.Ok)
        {
            return null;
        }

        if (!NotFound().IsMatch(select.Stderr))
        {
            return _classifier.Classify([select.Stderr], Secrets(request));
        }

        var init = await _cli.RunAsync(
            ["stack", "init", request.StackName, .. request.SecretsProvider is { } provider ? new[] { "--secrets-provider", provider } : []],
            directory, request, false, cancellationToken);
        return init.Ok ? null : _classifier.Classify([init.Stderr], Secrets(request));
    }

    private async Task<string> RequireAsync(IReadOnlyList<string> args, string directory, StackRequest request, CancellationToken cancellationToken)
    {
        var run = await _cli.RunAsync(args, directory, request, false, cancellationToken);
        if (!run.Ok)
        {
            throw new EngineConfigurationException(
                $"pulumi {string.Join(' ', args.Take(2))} failed (exit {run.ExitCode}): {FailureClassifier.Clean(run.Stderr, Secrets(request))}");
        }

        return run.Stdout;
    }

    private IEnumerable<string> Secrets(StackRequest request) =>
        request.Secrets.Concat(request.Environment.Values).Concat(_options.Passphrase is { } p ? [p] : []);

    private static List<string> Arguments(EngineOperation operation, string stack, string eventLog) => operation switch
    {
        EngineOperation.Up => ["up", "--yes", "--skip-preview", "--exec-kind=auto.local", "--event-log", eventLog, "--stack", stack],
        EngineOperation.Preview => ["preview", "--exec-kind=auto.local", "--event-log", eventLog, "--stack", stack],
        EngineOperation.Refresh => ["refresh", "--yes", "--skip-preview", "--exec-kind=auto.local", "--event-log", eventLog, "--stack", stack],
        EngineOperation.Destroy => ["destroy", "--yes", "--skip-preview", "--exec-kind=auto.local", "--event-log", eventLog, "--stack", stack],
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "The driver knows no command line for this operation."),
    };

    private static JsonObject Parse(string json) => JsonNode.Parse(json) as JsonObject ?? new JsonObject();

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
    };

    private static string UrnName(string? urn) => urn is null ? "?" : urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];

    [GeneratedRegex("no stack named .* found")]
    private static partial Regex NotFound();

    private static partial class Log
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Engine {Operation} of stack {Stack} ended {Outcome} ({FailureClass})")]
        public static partial void RunEnded(ILogger logger, EngineOperation operation, string stack, EngineOutcome outcome, string? failureClass);
    }
}
