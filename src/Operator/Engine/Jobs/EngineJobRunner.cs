using System.Text;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Engine.Events;
using DataPlatform.Stack.Failures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// The inside of an engine Job (the <c>engine</c> verb): runs one operation with <see cref="PulumiCliEngine"/>,
/// relays its events on stdout as event-log lines (the operator follows <c>pods/log</c>), then writes the whole
/// result as the last line and, cut to 4,096 bytes, as the container's termination message. Every secret the
/// run knows (credentials, the values of <see cref="StackRequest.Secrets"/>, the passphrase) is removed from
/// everything it writes.
/// </summary>
internal static class EngineJobRunner
{
    /// <summary>The kubelet keeps at most this many bytes of a termination message.</summary>
    public const int TerminationMessageLimit = 4096;

    public static async Task<EngineRunResult> RunAsync(
        EngineJobPayload payload, string workspace, string? passphraseFile, string terminationMessagePath, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(stdout);
        var settings = payload.Engine;
        var passphrase = passphraseFile is not null && File.Exists(passphraseFile) ? (await File.ReadAllTextAsync(passphraseFile, cancellationToken)).Trim() : null;
        var secrets = payload.Request.Secrets.Concat(payload.Request.Environment.Values).Concat(passphrase is { Length: > 0 } p ? [p] : []).Where(s => s.Length > 0).ToList();
        var options = new StackEngineOptions
        {
            CliPath = settings.CliPath,
            WorkspaceRoot = workspace,
            DefaultBackendUrl = settings.DefaultBackendUrl,
            PassphraseFile = passphraseFile,
            RunTimeout = settings.RunTimeout,
            CancelGracePeriod = settings.CancelGracePeriod,
            Parallel = settings.Parallel,
            Environment = new Dictionary<string, string>(settings.Environment, StringComparer.Ordinal),
        };
        var classifier = FailureClassifier.WithConfigured(settings.FailurePatterns.Select(f => f.ToPattern()));
        var engine = new PulumiCliEngine(Options.Create(options), TimeProvider.System, NullLogger<PulumiCliEngine>.Instance, classifier);
        var relay = new Relay(stdout, secrets);
        var started = TimeProvider.System.GetUtcNow();
        EngineRunResult result;
        try
        {
            result = await engine.RunAsync(payload.Request, payload.Operation, relay, cancellationToken);
        }
        catch (EngineConfigurationException e)
        {
            result = new EngineRunResult(payload.Operation, EngineOutcome.Failed, new Dictionary<string, int>(),
                new Failure("EngineUnavailable", FailureOutcome.Transient, null, null, FailureClassifier.Clean(e.Message, secrets)), [], started, TimeProvider.System.GetUtcNow());
        }

        relay.WriteLine(EngineJobJson.ResultLine(result));
        await File.WriteAllTextAsync(terminationMessagePath, TerminationMessage(result, secrets), CancellationToken.None);
        return result;
    }

    /// <summary>The result as JSON within <see cref="TerminationMessageLimit"/> bytes: long texts are cut until it fits.</summary>
    public static string TerminationMessage(EngineRunResult result, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = Scrub(EngineJobJson.Serialize(result), secrets);
        for (var keep = 2048; Encoding.UTF8.GetByteCount(json) > TerminationMessageLimit && keep >= 16; keep /= 2)
        {
            var shorter = result with
            {
                Failure = result.Failure is { } f ? f with { Message = Cut(f.Message, keep) } : null,
                Recoveries = [.. result.Recoveries.Select(r => Cut(r, keep / 4))],
            };
            json = Scrub(EngineJobJson.Serialize(shorter), secrets);
        }

        if (Encoding.UTF8.GetByteCount(json) > TerminationMessageLimit && result.Plan is { } plan)
        {
            // A preview's plan of a whole stack is larger than a termination message. The log's last line carries it
            // whole; when only this message is left (the log is gone), the run says so and is previewed again.
            json = Scrub(EngineJobJson.Serialize(result with
            {
                Outcome = EngineOutcome.Failed,
                Plan = null,
                Failure = new Failure(PlanTooLarge, FailureOutcome.Transient, null, null,
                    $"The preview's plan ({plan.Steps.Count} steps) does not fit in the engine pod's termination message and its log is gone; the change is previewed again."),
                Recoveries = [],
            }), secrets);
        }

        return json;
    }

    /// <summary>The failure class of a preview whose plan reached the operator by neither the log nor the termination message.</summary>
    public const string PlanTooLarge = "EnginePlanTooLarge";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Scrub(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "[secret]", StringComparison.Ordinal)
                .Replace(System.Text.Json.JsonEncodedText.Encode(secret).ToString(), "[secret]", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Writes each event at once, in order, as one scrubbed line (not <see cref="Progress{T}"/>, which posts later and may reorder).</summary>
    private sealed class Relay(TextWriter stdout, IReadOnlyList<string> secrets) : IProgress<EngineEvent>
    {
        private readonly Lock _gate = new();

        public void Report(EngineEvent value) => WriteLine(EngineEventWriter.Write(value));

        public void WriteLine(string line)
        {
            lock (_gate)
            {
                stdout.WriteLine(Scrub(line, secrets));
                stdout.Flush();
            }
        }
    }
}
