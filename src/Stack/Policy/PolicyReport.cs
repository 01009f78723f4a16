using DataPlatform.Entities.Policy;

namespace DataPlatform.Stack.Policy;

/// <summary>
/// What the installed policies say about one environment: the policies that govern its namespace (none when no
/// policy is installed) and every rule it breaks. <see cref="Allowed"/> with no policy installed: today's behaviour.
/// </summary>
public sealed record PolicyReport(IReadOnlyList<V1Alpha1DataPlatformPolicy> Governing, IReadOnlyList<PolicyViolation> Violations)
{
    public static PolicyReport NoPolicy { get; } = new([], []);

    public bool Allowed => Violations.Count == 0;

    /// <summary>Whether a destructive change may apply without approval: true with no governing policy, else only if every governing policy allows it.</summary>
    public bool DestructiveChangesWithoutApproval => Governing.All(p => p.Spec.Changes.AllowDestructiveWithoutApproval);

    /// <summary>The first governing policy's (by name) state backend default, if any.</summary>
    public string? DefaultBackendUrl => Governing.Select(p => p.Spec.Defaults.BackendUrl).FirstOrDefault(v => v is not null);

    /// <summary>The first governing policy's (by name) secrets provider default, if any.</summary>
    public string? DefaultSecretsProvider => Governing.Select(p => p.Spec.Defaults.SecretsProvider).FirstOrDefault(v => v is not null);

    /// <summary>Every violation, one per line-like clause, for a denial or a condition message.</summary>
    public string Summary() => string.Join("; ", Violations.Select(v => v.ToString()));
}
