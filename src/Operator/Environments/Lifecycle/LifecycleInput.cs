using DataPlatform.Entities;
using DataPlatform.Stack.Policy;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// Everything a lifecycle step depends on: the environment as last written (metadata with deletion and
/// annotations, spec, status), the time, the settings, the pre-flight report of its spec, a jitter draw in [0, 1)
/// for the backoff, what the shell observed after the previous step's action (null at the start of a reconcile), and
/// what the installed DataPlatformPolicies say about it (null: not judged, as when no policy is installed).
/// </summary>
internal sealed record LifecycleInput(
    V1Alpha1DataPlatformEnvironment Environment,
    DateTimeOffset Now,
    LifecycleSettings Settings,
    ValidationReport Validation,
    double Jitter,
    Observation? Observed = null,
    PolicyReport? PlatformPolicy = null)
{
    /// <summary>
    /// The update policy in force: spec.updatePolicy and spec.drift, tightened by the platform's policy where one
    /// governs the namespace. Null reads them from the spec and <see cref="PlatformPolicy"/> (<see cref="EffectiveUpdatePolicy.From"/>).
    /// </summary>
    public EffectiveUpdatePolicy? UpdatePolicy { get; init; }

    /// <summary>When the shell last ran a drift check that found nothing (kept in memory: a clean check writes no status).</summary>
    public DateTimeOffset? LastDriftCheck { get; init; }

    /// <summary>
    /// The AWS names other environments hold that this one would take (<see cref="Stack.Naming.NameClash"/>), judged by
    /// the shell when <see cref="NameClashRules.NeedsJudging"/> says so; null: not judged.
    /// </summary>
    public IReadOnlyList<Stack.Naming.NameClash>? NameClashes { get; init; }

    public EffectiveUpdatePolicy Policy => UpdatePolicy ?? EffectiveUpdatePolicy.From(Environment.Spec, PlatformPolicy);
}
