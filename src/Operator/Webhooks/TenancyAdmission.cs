using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Operator.Naming;
using DataPlatform.Operator.Policy;
using DataPlatform.Operator.Runtime;
using DataPlatform.Operator.Runtime.Client;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Operator.Webhooks;

/// <summary>
/// The tenancy half of admission (DESIGN.md section 8), run after the pre-flight rules allowed a CREATE or a spec
/// change: the installed DataPlatformPolicies (a denial names each policy and rule the environment breaks that its old
/// spec did not) and the uniqueness of every AWS name it derives across the environments the operator manages (a
/// denial names the name, where AWS makes it unique and the other environment). An object being deleted and an update
/// that leaves the spec alone are never judged, so a stricter policy never traps an existing environment.
/// </summary>
internal sealed class TenancyAdmission(PolicySource policies, IKubernetesClient client, OperatorOptions options, NameClaimCache? claims = null)
{
    /// <summary>Each other environment's claims, shared with the reconcile-time check (about 1 ms per program saved per review).</summary>
    private readonly NameClaimCache _claims = claims ?? new NameClaimCache();

    /// <summary>Null when the request may go on; otherwise the denial's message.</summary>
    public async Task<string?> JudgeAsync(string body, CancellationToken cancellationToken)
    {
        if (JsonNode.Parse(body)?["request"] is not JsonObject request
            || request["object"] is not JsonObject obj
            || (string?)request["operation"] is not ("CREATE" or "UPDATE"))
        {
            return null;
        }

        var old = request["oldObject"] as JsonObject;
        if (old is not null && (obj["metadata"]?["deletionTimestamp"] is not null || JsonNode.DeepEquals(obj["spec"], old["spec"])))
        {
            return null;
        }

        if (EnvironmentReader.Read(obj.ToJsonString()).Environment is not { } environment)
        {
            return null;
        }

        environment.Metadata.NamespaceProperty ??= (string?)request["namespace"];
        var report = await policies.EvaluateAsync(environment, cancellationToken);
        var before = old is not null && EnvironmentReader.Read(old.ToJsonString()).Environment is { } previous
            ? (await policies.EvaluateAsync(previous, cancellationToken)).Violations.Select(v => (v.Policy, v.Rule, v.Field)).ToHashSet()
            : [];
        var violations = report.Violations.Where(v => !before.Contains((v.Policy, v.Rule, v.Field))).ToList();
        if (violations.Count > 0)
        {
            return $"DataPlatformEnvironment {environment.Metadata.Name} is not allowed by policy ({violations.Count} violations): "
                + string.Join("; ", violations.Select(v => v.ToString()));
        }

        var others = await OthersAsync(cancellationToken);
        var clashes = NameClash.Find(environment, others, _claims.ClaimsOf);
        _claims.Retain(others.Select(o => o.Metadata.Uid ?? "").ToHashSet(StringComparer.Ordinal));

        return clashes.Count == 0 ? null
            : $"DataPlatformEnvironment {environment.Metadata.Name} would take AWS names another environment holds ({clashes.Count}): "
                + string.Join("; ", clashes.Select(c => c.ToString()))
                + ". Set spec.environmentSuffix (or the explicit name) to something unique.";
    }

    private async Task<IReadOnlyList<V1Alpha1DataPlatformEnvironment>> OthersAsync(CancellationToken cancellationToken)
    {
        if (options.WatchNamespaces.Count == 0)
        {
            return (await client.ListAsync<V1Alpha1DataPlatformEnvironment>(null, null, cancellationToken)).Items;
        }

        var all = new List<V1Alpha1DataPlatformEnvironment>();
        foreach (var ns in options.WatchNamespaces)
        {
            all.AddRange((await client.ListAsync<V1Alpha1DataPlatformEnvironment>(ns, null, cancellationToken)).Items);
        }

        return all;
    }
}
