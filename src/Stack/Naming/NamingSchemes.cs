using System.Security.Cryptography;
using System.Text;
using DataPlatform.Entities;
using DataPlatform.Entities.Status;

namespace DataPlatform.Stack.Naming;

/// <summary>
/// Which naming scheme an environment's names follow: the one its status records; otherwise Legacy when the status
/// shows an earlier run (an environment deployed before namespaced names existed keeps its names on upgrade), and
/// Namespaced for an environment that never ran. The lifecycle records the answer at the first update.
/// </summary>
public static class NamingSchemes
{
    public const int HashLength = 5;

    /// <summary>The longest suffix kept whole in a Namespaced stem: the replication group id (40) less "-redis" and the hash.</summary>
    public const int MaxStemSuffix = 40 - 6 - 1 - HashLength;

    public static NamingScheme Of(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Status?.NamingScheme
            ?? (environment.Status?.LastUpdate is not null ? NamingScheme.Legacy : NamingScheme.Namespaced);
    }

    /// <summary>
    /// The stem of every derived name: the suffix, and under Namespaced the suffix (cut to <see cref="MaxStemSuffix"/>
    /// characters, so every suffix the CRD accepts still gives valid names) with a dash and <see cref="HashLength"/> hex
    /// characters of SHA-256 of the namespace.
    /// </summary>
    public static string Stem(V1Alpha1DataPlatformEnvironment environment, string suffix)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(suffix);
        if (Of(environment) == NamingScheme.Legacy)
        {
            return suffix;
        }

        var kept = suffix.Length <= MaxStemSuffix ? suffix : suffix[..MaxStemSuffix].TrimEnd('-');
        return $"{kept}-{NamespaceHash(environment.Metadata?.NamespaceProperty ?? "default")}";
    }

    public static string NamespaceHash(string ns) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ns)))[..HashLength];
}
