using DataPlatform.Entities;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Stack.Failures;
using DataPlatform.Stack.Naming;
using k8s.Models;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Writes the connection Secret, and never one the environment does not own (DESIGN.md section 8): a Secret of that
/// name without an owner reference to this environment's uid is left untouched (never updated, adopted or deleted)
/// and reported as a ConnectionSecretConflict failure, which stalls the environment. A Secret still owned by an
/// earlier environment of the same name is waited for (transiently) while the garbage collector removes it.
/// </summary>
internal sealed class ConnectionSecretWriter(IKubernetesClient client)
{
    public const string Field = "spec.connectionSecretName";

    /// <summary>Null when the name is free or ours; otherwise why the Secret cannot be written.</summary>
    public async Task<Failure?> CheckAsync(V1Alpha1DataPlatformEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var existing = await client.GetAsync<V1Secret>(ResourceNames.For(environment).ConnectionSecret, environment.Metadata.NamespaceProperty, cancellationToken);
        return existing is null ? null : Refusal(environment, existing);
    }

    /// <summary>Creates or updates the Secret (only when its data changed); returns why not when the name is taken.</summary>
    public async Task<Failure?> WriteAsync(V1Alpha1DataPlatformEnvironment environment, V1Secret secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(secret);
        var existing = await client.GetAsync<V1Secret>(secret.Metadata.Name, secret.Metadata.NamespaceProperty, cancellationToken);
        if (existing is null)
        {
            await client.CreateAsync(secret, cancellationToken);
            return null;
        }

        if (Refusal(environment, existing) is { } refusal)
        {
            return refusal;
        }

        var same = existing.Data is { } data && data.Count == secret.Data.Count
            && secret.Data.All(p => data.TryGetValue(p.Key, out var value) && value.AsSpan().SequenceEqual(p.Value));
        if (!same)
        {
            existing.Data = secret.Data;
            existing.Metadata.Labels = secret.Metadata.Labels;
            await client.UpdateAsync(existing, cancellationToken);
        }

        return null;
    }

    private static Failure? Refusal(V1Alpha1DataPlatformEnvironment environment, V1Secret existing)
    {
        var owners = existing.Metadata.OwnerReferences ?? [];
        if (owners.Any(o => o.Uid == environment.Metadata.Uid))
        {
            return null;
        }

        var name = $"{existing.Metadata.NamespaceProperty}/{existing.Metadata.Name}";
        if (existing.Metadata.DeletionTimestamp is not null
            || owners.Any(o => o.Kind == environment.Kind && o.Name == environment.Metadata.Name && o.Uid != environment.Metadata.Uid))
        {
            return new Failure(FailureClass.ConnectionSecretReleasing.Value, FailureOutcome.Transient, null, null,
                $"The Secret {name} still belongs to an earlier environment named {environment.Metadata.Name} and is being garbage-collected; waiting for it to go.");
        }

        return new Failure(FailureClass.ConnectionSecretConflict.Value, FailureOutcome.Terminal, Field, null,
            $"The Secret {name} already exists and is not owned by this environment, so the operator leaves it untouched (it never modifies, adopts or deletes a Secret it does not own). "
            + $"Delete or rename that Secret, or set {Field} to a free name; with the spec unchanged, set the dataplatform.io/reconcile-request annotation to retry.");
    }
}
