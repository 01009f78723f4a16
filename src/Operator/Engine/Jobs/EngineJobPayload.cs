using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Failures;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// What an engine Job runs, as JSON in the Secret the Job owns: the operation, the whole <see cref="StackRequest"/>
/// (fields added later flow through unchanged) and the engine settings of the operator that the pod needs.
/// </summary>
internal sealed record EngineJobPayload(EngineOperation Operation, StackRequest Request, EngineJobSettings Engine);

/// <summary>The operator's engine settings an engine pod runs with (the passphrase travels as its own Secret key, never here).</summary>
internal sealed record EngineJobSettings(
    string CliPath,
    string? DefaultBackendUrl,
    TimeSpan RunTimeout,
    TimeSpan CancelGracePeriod,
    int? Parallel,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<FailurePatternOptions> FailurePatterns);
