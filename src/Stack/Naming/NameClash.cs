using DataPlatform.Entities;

namespace DataPlatform.Stack.Naming;

/// <summary>A name two environments would both set where AWS allows it once: the claim and the other environment.</summary>
public sealed record NameClash(NameClaim Claim, string OtherNamespace, string OtherName)
{
    public override string ToString() =>
        $"the {Claim.Kind} name {Claim.Name} is already used {Claim.Where} by DataPlatformEnvironment {OtherNamespace}/{OtherName}";

    /// <summary>The names <paramref name="environment"/> would take that another environment already claims (each once).</summary>
    public static IReadOnlyList<NameClash> Find(V1Alpha1DataPlatformEnvironment environment, IEnumerable<V1Alpha1DataPlatformEnvironment> others) =>
        Find(environment, others, NameClaims.For);

    /// <summary>The same, with the others' claims from <paramref name="claimsOf"/> (a cache: building a program takes about a millisecond).</summary>
    public static IReadOnlyList<NameClash> Find(
        V1Alpha1DataPlatformEnvironment environment,
        IEnumerable<V1Alpha1DataPlatformEnvironment> others,
        Func<V1Alpha1DataPlatformEnvironment, IReadOnlyList<NameClaim>> claimsOf)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(claimsOf);
        var mine = NameClaims.For(environment).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var clashes = new List<NameClash>();
        foreach (var other in others)
        {
            if (other.Metadata.NamespaceProperty == environment.Metadata.NamespaceProperty && other.Metadata.Name == environment.Metadata.Name)
            {
                continue;
            }

            IReadOnlyList<NameClaim> theirs;
            try
            {
                theirs = claimsOf(other);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // An environment whose program cannot be built (an invalid spec that is Stalled) claims nothing in AWS.
                continue;
            }

            foreach (var claim in theirs.Where(c => mine.ContainsKey(c.Key)).DistinctBy(c => c.Key))
            {
                clashes.Add(new NameClash(mine[claim.Key], other.Metadata.NamespaceProperty ?? "", other.Metadata.Name ?? ""));
                mine.Remove(claim.Key);
            }
        }

        return clashes;
    }
}
