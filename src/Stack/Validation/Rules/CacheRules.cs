using System.Text.RegularExpressions;
using DataPlatform.Stack.Program;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>ElastiCache: node counts, failover and Multi-AZ, engine version and family, AUTH needing TLS, eviction policy.</summary>
internal sealed partial class CacheRules : IValidationRule
{
    private const string Cache = "spec.cache";

    private static readonly string[] MaxMemoryPolicies =
        ["volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu", "volatile-random", "allkeys-random", "volatile-ttl", "noeviction"];

    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var cache = context.Spec.Cache;
        if (cache.NumCacheClusters is < 1 or > 6)
        {
            yield return Violation.Error($"{Cache}.numCacheClusters", "elasticache.numCacheClusters", $"{cache.NumCacheClusters} nodes is outside 1 to 6 (one primary and up to five replicas).");
        }

        if (cache.AutomaticFailover && cache.NumCacheClusters < 2)
        {
            yield return Violation.Error($"{Cache}.automaticFailover", "elasticache.automaticFailover", "automaticFailover needs at least 2 nodes; set numCacheClusters to 2 or more, or turn failover off.");
        }

        if (cache.MultiAz && !cache.AutomaticFailover)
        {
            yield return Violation.Error($"{Cache}.multiAz", "elasticache.multiAz", "multiAz needs automaticFailover; turn both on (with 2 or more nodes) or both off.");
        }

        if (cache.AuthEnabled && !cache.TransitEncryption)
        {
            yield return Violation.Error($"{Cache}.authEnabled", "elasticache.authToken", "An AUTH token is accepted only with transitEncryption; turn transitEncryption on or authEnabled off.");
        }

        if (!EngineVersion().IsMatch(cache.EngineVersion))
        {
            yield return Violation.Error($"{Cache}.engineVersion", "elasticache.engineVersion.format",
                $"'{cache.EngineVersion}' is not an ElastiCache Redis version: major.minor for Redis 7 (such as 7.1), 6.2 or 6.x; a patch triple such as 7.1.0 is refused.");
        }
        else
        {
            var expected = CacheBuilder.Family(new Entities.Spec.CacheSpec { EngineVersion = cache.EngineVersion });
            if (cache.ParameterGroupFamily is { } family && family != expected)
            {
                yield return Violation.Error($"{Cache}.parameterGroupFamily", "elasticache.parameterGroup.family",
                    $"Family {family} does not match Redis {cache.EngineVersion}, which takes {expected}; remove parameterGroupFamily to derive it.");
            }
        }

        if (!NodeType().IsMatch(cache.NodeType))
        {
            yield return Violation.Error($"{Cache}.nodeType", "elasticache.nodeType.family", $"'{cache.NodeType}' is not a node type such as cache.t4g.micro.");
        }
        else
        {
            yield return Violation.Warning($"{Cache}.nodeType", "region.instanceClassAvailability",
                $"Whether {cache.NodeType} is offered in {context.Spec.Region} is known only at deploy time.");
        }

        if (cache.Parameters.TryGetValue("maxmemory-policy", out var policy) && !MaxMemoryPolicies.Contains(policy))
        {
            yield return Violation.Error($"{Cache}.parameters.maxmemory-policy", "elasticache.parameterGroup.maxmemoryPolicy",
                $"'{policy}' is not an eviction policy; use one of {string.Join(", ", MaxMemoryPolicies)}.");
        }
    }

    [GeneratedRegex(@"^(6\.x|[6-9]\.[0-9]+)$")]
    private static partial Regex EngineVersion();

    [GeneratedRegex(@"^cache\.[a-z0-9]+\.[a-z0-9]+$")]
    private static partial Regex NodeType();
}
