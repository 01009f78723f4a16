using System.Globalization;
using DataPlatform.Entities;
using DataPlatform.Entities.Policy;
using DataPlatform.Entities.Spec;

namespace DataPlatform.Stack.Policy;

/// <summary>
/// Judges an environment against the installed DataPlatformPolicies (pure: the policies and the namespace's labels
/// are read by the caller). No policy installed: allowed, as before policies existed. Otherwise the namespace must be
/// selected by at least one policy, and the environment must satisfy every policy that selects it. The same function
/// runs in the admission webhook and at reconcile, so both say the same thing.
/// </summary>
public static class PolicyEvaluator
{
    public static PolicyReport Evaluate(
        V1Alpha1DataPlatformEnvironment environment,
        IReadOnlyDictionary<string, string>? namespaceLabels,
        IReadOnlyList<V1Alpha1DataPlatformPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(policies);
        if (policies.Count == 0)
        {
            return PolicyReport.NoPolicy;
        }

        var ns = environment.Metadata.NamespaceProperty ?? "default";
        var ordered = policies.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        var governing = ordered.Where(p => NamespaceMatcher.Selects(p.Spec.Namespaces, ns, namespaceLabels)).ToList();
        if (governing.Count == 0)
        {
            var admitted = string.Join("; ", ordered.Select(p => $"{p.Metadata.Name} admits {Describe(p.Spec.Namespaces)}"));
            return new PolicyReport([], [new PolicyViolation(
                string.Join(", ", ordered.Select(p => p.Metadata.Name)),
                "spec.namespaces",
                "metadata.namespace",
                $"namespace {ns} is not admitted by any DataPlatformPolicy ({admitted}); ask the platform team to add it.")]);
        }

        var violations = new List<PolicyViolation>();
        foreach (var policy in governing)
        {
            Judge(environment, ns, policy, violations);
        }

        return new PolicyReport(governing, violations);
    }

    private static void Judge(V1Alpha1DataPlatformEnvironment environment, string ns, V1Alpha1DataPlatformPolicy policy, List<PolicyViolation> violations)
    {
        var name = policy.Metadata.Name ?? "";
        var spec = environment.Spec;
        var rules = policy.Spec;
        void Add(string rule, string field, string message) => violations.Add(new PolicyViolation(name, rule, field, message));

        var role = spec.Stack.AssumeRole?.RoleArn;
        if (spec.Stack.CredentialsSecretRef is not null && !rules.Identity.AllowStaticCredentials)
        {
            Add("spec.identity.allowStaticCredentials", "spec.stack.credentialsSecretRef",
                "static access keys are not allowed; name an IAM role in spec.stack.assumeRole instead.");
        }

        if (role is null && spec.Stack.CredentialsSecretRef is null && !rules.Identity.AllowOperatorIdentity)
        {
            Add("spec.identity.allowOperatorIdentity", "spec.stack.assumeRole",
                "environments must name an IAM role to assume (spec.stack.assumeRole.roleArn); the operator's own identity is not allowed.");
        }

        if (role is not null)
        {
            if (rules.Identity.AllowedRoleArns.Count > 0 && !rules.Identity.AllowedRoleArns.Any(p => RoleArnPattern.Matches(p, role, ns)))
            {
                Add("spec.identity.allowedRoleArns", "spec.stack.assumeRole.roleArn",
                    $"role {role} is not allowed for namespace {ns} (allowed: {string.Join(", ", rules.Identity.AllowedRoleArns)}).");
            }

            if (rules.AllowedAccounts.Count > 0 && RoleArnPattern.Account(role) is { } account && !rules.AllowedAccounts.Contains(account, StringComparer.Ordinal))
            {
                Add("spec.allowedAccounts", "spec.stack.assumeRole.roleArn",
                    $"account {account} is not allowed (allowed: {string.Join(", ", rules.AllowedAccounts)}).");
            }
        }

        if (rules.AllowedRegions.Count > 0 && !rules.AllowedRegions.Contains(spec.Region, StringComparer.Ordinal))
        {
            Add("spec.allowedRegions", "spec.region", $"region {spec.Region} is not allowed (allowed: {string.Join(", ", rules.AllowedRegions)}).");
        }

        foreach (var tag in rules.RequiredTags.Where(t => !spec.Tags.ContainsKey(t)))
        {
            Add("spec.requiredTags", $"spec.tags[{tag}]", $"the tag {tag} is required.");
        }

        JudgeLimits(spec, rules.Limits, Add);
    }

    private static void JudgeLimits(DataPlatformEnvironmentSpec spec, SizeLimits limits, Action<string, string, string> add)
    {
        if (spec.Database.Engine == DatabaseEngine.Postgres && limits.DatabaseInstanceClasses.Count > 0
            && !limits.DatabaseInstanceClasses.Contains(spec.Database.InstanceClass, StringComparer.Ordinal))
        {
            add("spec.limits.databaseInstanceClasses", "spec.database.instanceClass",
                $"instance class {spec.Database.InstanceClass} is not allowed (allowed: {string.Join(", ", limits.DatabaseInstanceClasses)}).");
        }

        if (spec.Database.Engine == DatabaseEngine.AuroraPostgresql && limits.MaxServerlessCapacity is { } maxAcu && spec.Database.Serverless.MaxCapacity > maxAcu)
        {
            add("spec.limits.maxServerlessCapacity", "spec.database.serverless.maxCapacity",
                $"{Number(spec.Database.Serverless.MaxCapacity)} ACUs exceed the limit of {Number(maxAcu)}.");
        }

        if (spec.Database.Engine == DatabaseEngine.Postgres && limits.MaxAllocatedStorageGiB is { } maxStorage && spec.Database.AllocatedStorage > maxStorage)
        {
            add("spec.limits.maxAllocatedStorageGiB", "spec.database.allocatedStorage",
                $"{spec.Database.AllocatedStorage} GiB exceed the limit of {maxStorage} GiB.");
        }

        if (limits.CacheNodeTypes.Count > 0 && !limits.CacheNodeTypes.Contains(spec.Cache.NodeType, StringComparer.Ordinal))
        {
            add("spec.limits.cacheNodeTypes", "spec.cache.nodeType",
                $"node type {spec.Cache.NodeType} is not allowed (allowed: {string.Join(", ", limits.CacheNodeTypes)}).");
        }

        if (limits.MaxCacheClusters is { } maxNodes && spec.Cache.NumCacheClusters > maxNodes)
        {
            add("spec.limits.maxCacheClusters", "spec.cache.numCacheClusters", $"{spec.Cache.NumCacheClusters} cache clusters exceed the limit of {maxNodes}.");
        }

        if (spec.Streaming.Mode == StreamMode.Provisioned && limits.MaxShardCount is { } maxShards && spec.Streaming.ShardCount > maxShards)
        {
            add("spec.limits.maxShardCount", "spec.streaming.shardCount", $"{spec.Streaming.ShardCount} shards exceed the limit of {maxShards}.");
        }

        EngineLimits.Judge(spec.Stack.Engine, limits, add);
    }

    private static string Describe(NamespaceSelection selection)
    {
        var parts = new List<string>();
        if (selection.Names.Count > 0)
        {
            parts.Add($"names [{string.Join(", ", selection.Names)}]");
        }

        if (selection.Selector is { } selector)
        {
            var terms = selector.MatchLabels.Select(l => $"{l.Key}={l.Value}")
                .Concat(selector.MatchExpressions.Select(e => $"{e.Key} {e.Operator} [{string.Join(", ", e.Values)}]"));
            parts.Add($"selector {{{string.Join(", ", terms)}}}");
        }

        return string.Join(" and ", parts);
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
