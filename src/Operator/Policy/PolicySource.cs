using System.Collections.Concurrent;
using DataPlatform.Entities;
using DataPlatform.Entities.Policy;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Stack.Policy;
using k8s.Models;

namespace DataPlatform.Operator.Policy;

/// <summary>
/// The DataPlatformPolicies as the <see cref="PolicyWatcher"/> last saw them, and the judgement of an environment
/// against them; the webhook and the controller both ask here, so they agree. Until the first list has arrived a
/// caller waits (a replica that has not read the policies must not admit or deploy what they forbid). A namespace's
/// labels are read only when some policy selects namespaces by labels.
/// </summary>
internal sealed class PolicySource(IKubernetesClient client)
{
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, V1Alpha1DataPlatformPolicy> _policies = new(StringComparer.Ordinal);

    public bool Synced => _synced.Task.IsCompleted;

    public async Task<IReadOnlyList<V1Alpha1DataPlatformPolicy>> PoliciesAsync(CancellationToken cancellationToken)
    {
        await _synced.Task.WaitAsync(cancellationToken);
        return [.. _policies.Values];
    }

    public async Task<PolicyReport> EvaluateAsync(V1Alpha1DataPlatformEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var policies = await PoliciesAsync(cancellationToken);
        if (policies.Count == 0)
        {
            return PolicyReport.NoPolicy;
        }

        IReadOnlyDictionary<string, string>? labels = null;
        if (NamespaceMatcher.NeedsLabels(policies))
        {
            var ns = await client.GetAsync<V1Namespace>(environment.Metadata.NamespaceProperty ?? "default", null, cancellationToken);
            labels = ns?.Metadata?.Labels is { } found ? new Dictionary<string, string>(found) : null;
        }

        return PolicyEvaluator.Evaluate(environment, labels, policies);
    }

    /// <summary>Replaces every policy (after a list); the first call marks the source synced. True when the set or any version changed.</summary>
    public bool Replace(IEnumerable<V1Alpha1DataPlatformPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var next = policies.ToDictionary(p => p.Metadata.Name, StringComparer.Ordinal);
        var changed = next.Count != _policies.Count
            || next.Any(p => !_policies.TryGetValue(p.Key, out var known) || known.Metadata.ResourceVersion != p.Value.Metadata.ResourceVersion);
        foreach (var name in _policies.Keys.Except(next.Keys, StringComparer.Ordinal).ToList())
        {
            _policies.TryRemove(name, out _);
        }

        foreach (var (name, policy) in next)
        {
            _policies[name] = policy;
        }

        _synced.TrySetResult();
        return changed;
    }

    public void Apply(V1Alpha1DataPlatformPolicy policy, bool deleted)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (deleted)
        {
            _policies.TryRemove(policy.Metadata.Name, out _);
        }
        else
        {
            _policies[policy.Metadata.Name] = policy;
        }
    }
}
