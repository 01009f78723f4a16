using System.Collections.Concurrent;
using DataPlatform.Entities;
using DataPlatform.Operator.Metrics;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Operator.Naming;

/// <summary>
/// Each environment's name claims (<see cref="NameClaims.For(V1Alpha1DataPlatformEnvironment)"/>) by uid, kept while
/// what they derive from stays: the spec (its generation) and the naming scheme. Status writes (progress, conditions)
/// leave them in place, so judging one new environment against 1,000 others during an apply builds each other's
/// program once, not after each of its status writes. Building a program takes about a millisecond; admission and
/// the reconcile-time check both compare one environment with every other and share this cache.
/// <para>
/// The claims are only wanted while environments are created or changed. Once the cache has not been used for
/// <see cref="IdleAfter"/> it empties itself (a few KiB per environment, about 3.5 MiB of heap at 1,000, not kept at
/// rest); the next use builds them again. Emptying it tells the memory trimmer (<see cref="OperatorMetrics.CacheReleased"/>):
/// what the claims held is returned to the system at its next look, not kept
/// committed until engine runs next start or end.
/// </para>
/// </summary>
internal sealed class NameClaimCache : IDisposable
{
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(5);

    /// <summary>How often it looks whether it is idle: claims go at most this long after <see cref="IdleAfter"/>.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Version, IReadOnlyList<NameClaim> Claims)> _claims = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly OperatorMetrics? _metrics;
    private readonly ITimer _sweep;
    private long _lastUse;

    public NameClaimCache(TimeProvider? time = null, OperatorMetrics? metrics = null)
    {
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
        _lastUse = _time.GetTimestamp();
        _sweep = _time.CreateTimer(_ => ForgetIfIdle(), null, SweepEvery, SweepEvery);
    }

    /// <summary>Environments whose claims are held (tests and the idle sweep).</summary>
    public int Count => _claims.Count;

    public IReadOnlyList<NameClaim> ClaimsOf(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Interlocked.Exchange(ref _lastUse, _time.GetTimestamp());
        var uid = environment.Metadata.Uid;
        if (uid is null)
        {
            return NameClaims.For(environment);
        }

        var version = Version(environment);
        if (_claims.TryGetValue(uid, out var cached) && cached.Version == version)
        {
            return cached.Claims;
        }

        var claims = NameClaims.For(environment);
        _claims[uid] = (version, claims);
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

    public void Dispose() => _sweep.Dispose();

    internal void ForgetIfIdle()
    {
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastUse)) >= IdleAfter && !_claims.IsEmpty)
        {
            _claims.Clear();
            _metrics?.CacheReleased();
        }
    }

    /// <summary>What the claims derive from: the spec's generation and the naming scheme; the resourceVersion where there is no generation.</summary>
    private static string Version(V1Alpha1DataPlatformEnvironment environment) =>
        environment.Metadata.Generation is { } generation
            ? $"{generation}/{NamingSchemes.Of(environment)}"
            : $"rv/{environment.Metadata.ResourceVersion}";
}
