using System.Collections.Concurrent;
using DataPlatform.Entities;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Operator.Naming;

/// <summary>
/// Each environment's name claims (<see cref="NameClaims.For(V1Alpha1DataPlatformEnvironment)"/>) by uid, kept while
/// its resourceVersion stays: building a program takes about a millisecond, and admission and the reconcile-time check
/// both compare one environment with every other. Shared by the two, so each claim is held once.
/// </summary>
internal sealed class NameClaimCache
{
    private readonly ConcurrentDictionary<string, (string? Version, IReadOnlyList<NameClaim> Claims)> _claims = new(StringComparer.Ordinal);

    public IReadOnlyList<NameClaim> ClaimsOf(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var uid = environment.Metadata.Uid;
        if (uid is null)
        {
            return NameClaims.For(environment);
        }

        if (_claims.TryGetValue(uid, out var cached) && cached.Version == environment.Metadata.ResourceVersion)
        {
            return cached.Claims;
        }

        var claims = NameClaims.For(environment);
        _claims[uid] = (environment.Metadata.ResourceVersion, claims);
        return claims;
    }

    /// <summary>Forgets the claims of environments no longer among <paramref name="known"/> (their uids).</summary>
    public void Retain(IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var gone in _claims.Keys.Where(k => !known.Contains(k)).ToList())
        {
            _claims.TryRemove(gone, out _);
        }
    }
}
