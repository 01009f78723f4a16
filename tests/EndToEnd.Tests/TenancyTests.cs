using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using k8s.Autorest;
using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// Tenancy end to end (issue 18, DESIGN.md section 8): per-environment roles reach the engine, the platform team's
/// DataPlatformPolicy is enforced at admission and at reconcile, and AWS names two environments would share are refused.
/// </summary>
public sealed class TenancyTests
{
    private const string TeamRole = "arn:aws:iam::111122223333:role/dataplatform-team";

    [Fact]
    public async Task Environment_assuming_its_role_runs_with_that_role_and_the_operator_identity_only_assumes_it()
    {
        await using var harness = await StartAsync();
        await harness.CreateAsync("analytics", e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = TeamRole });
        await harness.CreateAsync("plain");

        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready");
        await harness.WaitForAsync("plain", e => Condition(e, "Ready") == "True", "Ready");

        // The fake's view of the run: the provider assumed the role, with the operator-derived external id and session.
        var run = harness.History("analytics").Last()!["environment"]!;
        Assert.Equal(TeamRole, (string?)run["aws.assumeRole.roleArn"]);
        Assert.Equal("dataplatform:team", (string?)run["aws.assumeRole.externalId"]);
        Assert.Equal("dpe.team.analytics", (string?)run["aws.assumeRole.sessionName"]);
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/dataplatform-team/dpe.team.analytics", (string?)run["aws.callerArn"]);
        Assert.Equal("ambient", (string?)run["aws.credentials"]);
        // What the user sees: the stream lives in the role's account.
        var analytics = await harness.GetAsync("analytics");
        Assert.StartsWith("arn:aws:kinesis:eu-west-1:111122223333:", analytics.Status!.Endpoints!.KinesisStreamArn, StringComparison.Ordinal);

        // Without a role, the run acts as the operator's own (ambient) identity, as before.
        var plain = harness.History("plain").Last()!["environment"]!;
        Assert.Null(plain["aws.assumeRole.roleArn"]);
        Assert.Equal("123456789012", (string?)plain["aws.account"]);
    }

    [Fact]
    public async Task Namespace_outside_the_policy_and_static_keys_are_refused_at_admission_naming_the_policy_and_rule()
    {
        await using var harness = await StartAsync(replicas: 0);
        var host = await harness.StartHostAsync("operator-0", settings: harness.WebhookSettings());
        harness.RegisterWebhook(host);
        await harness.ApplyPolicyAsync("platform", p =>
        {
            p.Namespaces.Names = ["team"];
            p.Identity.AllowedRoleArns = ["arn:aws:iam::111122223333:role/dataplatform-{namespace}"];
        });
        await harness.ApplyPolicyAsync("platform-readonly", p => p.Namespaces.Names = ["audit"]);

        var outside = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("analytics",
            e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/dataplatform-other" }, ns: "other"));
        var message = (string?)JsonNode.Parse(outside.Response.Content)!["message"];
        Assert.Equal(403, (int)outside.Response.StatusCode);
        Assert.StartsWith("admission webhook \"vdataplatformenvironment.dataplatform.io\" denied the request: ", message, StringComparison.Ordinal);
        Assert.Contains("DataPlatformPolicy platform, platform-readonly, rule spec.namespaces", message, StringComparison.Ordinal);
        Assert.Contains("namespace other is not admitted", message, StringComparison.Ordinal);

        var keys = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("keys",
            e => e.Spec.Stack.CredentialsSecretRef = new SecretReference { Name = "aws-keys" }));
        var keysMessage = (string?)JsonNode.Parse(keys.Response.Content)!["message"];
        Assert.Contains("DataPlatformPolicy platform, rule spec.identity.allowStaticCredentials: spec.stack.credentialsSecretRef", keysMessage, StringComparison.Ordinal);

        var otherRole = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("borrowed",
            e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/dataplatform-audit" }));
        Assert.Contains("rule spec.identity.allowedRoleArns", (string?)JsonNode.Parse(otherRole.Response.Content)!["message"], StringComparison.Ordinal);

        await harness.CreateAsync("analytics", e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/dataplatform-team" });
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready: the namespace and role the policy admits");
        Assert.Equal(0, harness.Runs("up", "other.analytics"));
    }

    [Fact]
    public async Task A_policy_change_that_forbids_a_running_environment_stalls_it_and_destroys_nothing()
    {
        await using var harness = await StartAsync();
        await harness.ApplyPolicyAsync("platform", p =>
        {
            p.Namespaces.Names = ["team"];
            p.AllowedRegions = ["eu-west-1"];
        });
        await harness.CreateAsync("analytics", e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = TeamRole });
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready");
        var resources = harness.ResourceCount("analytics");

        await harness.ApplyPolicyAsync("platform", p =>
        {
            p.Namespaces.Names = ["team"];
            p.AllowedRegions = ["eu-central-1"];
        });

        await harness.WaitForAsync("analytics", e => Condition(e, "Stalled", "reason") == "PolicyViolation", "Stalled PolicyViolation");
        var stalled = await harness.GetAsync("analytics");
        var condition = stalled.Status!.Conditions.Single(c => c.Type == "Stalled");
        Assert.Contains("DataPlatformPolicy platform, rule spec.allowedRegions: spec.region: region eu-west-1 is not allowed (allowed: eu-central-1)", condition.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was destroyed", condition.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Runs("destroy"));
        Assert.Equal(1, harness.Runs("up"));
        Assert.Equal(resources, harness.ResourceCount("analytics"));

        // Allowed again: the stall lifts and the environment converges without a spec change.
        await harness.ApplyPolicyAsync("platform", p => p.Namespaces.Names = ["team"]);
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready again once the policy allows it");
        Assert.Equal(0, harness.Runs("destroy"));
    }

    [Fact]
    public async Task Two_environments_deriving_the_same_iam_role_name_are_refused_at_admission_naming_the_other()
    {
        await using var harness = await StartAsync(replicas: 0);
        var host = await harness.StartHostAsync("operator-0", settings: harness.WebhookSettings());
        harness.RegisterWebhook(host);
        await harness.CreateAsync("analytics", e => e.Spec.EnvironmentSuffix = "prod");

        var clash = await Assert.ThrowsAsync<HttpOperationException>(() => harness.CreateAsync("reporting", e => e.Spec.EnvironmentSuffix = "prod"));
        var message = (string?)JsonNode.Parse(clash.Response.Content)!["message"];

        var stem = "prod-" + Stack.Naming.NamingSchemes.NamespaceHash("team");
        Assert.Contains($"the Role name {stem}-pipeline-role is already used in account (operator's account) by DataPlatformEnvironment team/analytics", message, StringComparison.Ordinal);
        Assert.Contains($"the Cluster name {stem}-db is already used in account (operator's account), region eu-west-1 by DataPlatformEnvironment team/analytics", message, StringComparison.Ordinal);
        Assert.Null(harness.Server.Store.Find(new Doubles.FakeKubeApiServer.ResourceKey(V1Alpha1DataPlatformEnvironment.GroupName, V1Alpha1DataPlatformEnvironment.Plural, "team", "reporting")));

        // The same suffix in another namespace takes other names (a hash of the namespace is part of them).
        await harness.CreateAsync("reporting", e => e.Spec.EnvironmentSuffix = "prod", ns: "team-b");

        // The same suffix in another account (its own role) takes none of those names.
        await harness.CreateAsync("reporting", e =>
        {
            e.Spec.EnvironmentSuffix = "prod";
            e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = TeamRole };
        });
    }

    [Fact]
    public async Task Without_the_webhook_reconcile_enforces_a_label_selected_policy()
    {
        await using var harness = await StartAsync();
        await k8s.CoreV1OperationsExtensions.CreateNamespaceAsync(harness.Kubernetes.CoreV1, new k8s.Models.V1Namespace
        {
            Metadata = new() { Name = "labs", Labels = new Dictionary<string, string> { ["dataplatform.io/tenant"] = "true" } },
        });
        await harness.ApplyPolicyAsync("tenants", p =>
        {
            p.Namespaces.Selector = new Entities.Policy.NamespaceLabelSelector { MatchLabels = { ["dataplatform.io/tenant"] = "true" } };
            p.Identity.AllowedRoleArns = ["arn:aws:iam::111122223333:role/dataplatform-{namespace}"];
        });

        await harness.CreateAsync("analytics", e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/dataplatform-labs" }, ns: "labs");
        await harness.CreateAsync("analytics", e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/dataplatform-labs" }, ns: "team");

        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready: its namespace carries the policy's label", ns: "labs");
        await harness.WaitForAsync("analytics", e => Condition(e, "Stalled", "reason") == "PolicyViolation", "Stalled: no policy selects its namespace");
        var stalled = (await harness.GetAsync("analytics")).Status!.Conditions.Single(c => c.Type == "Stalled").Message;
        Assert.Contains("DataPlatformPolicy tenants, rule spec.namespaces: metadata.namespace: namespace team is not admitted by any DataPlatformPolicy (tenants admits selector {dataplatform.io/tenant=true})", stalled, StringComparison.Ordinal);
        Assert.Equal(0, harness.Runs("up", "team.analytics"));
    }

    [Fact]
    public async Task The_governing_policys_default_backend_holds_the_state_of_environments_that_name_none()
    {
        await using var harness = await StartAsync();
        var teamState = Path.Combine(harness.Root, "team-state");
        Directory.CreateDirectory(teamState);
        await harness.ApplyPolicyAsync("platform", p =>
        {
            p.Namespaces.Names = ["team"];
            p.Identity.AllowOperatorIdentity = true;
            p.Defaults.BackendUrl = "file://" + teamState;
        });

        await harness.CreateAsync("analytics");
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready");

        Assert.True(File.Exists(Path.Combine(teamState, ".pulumi", "stacks", "dataplatform", "team.analytics.json")), "the stack's state is in the policy's backend");
        Assert.Empty(harness.History("analytics"));
    }

    [Fact]
    public async Task Nothing_of_the_operators_reaches_a_tenant_namespace()
    {
        const string OperatorRole = "arn:aws:iam::999999999999:role/dataplatform-operator-irsa";
        const string TokenFile = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
        await using var harness = await StartAsync(settings: new Dictionary<string, string?>
        {
            // The operator's own identity, as IRSA hands it to the pod.
            ["Engine:Environment:AWS_ROLE_ARN"] = OperatorRole,
            ["Engine:Environment:AWS_WEB_IDENTITY_TOKEN_FILE"] = TokenFile,
        });
        harness.Faults(("up", "throttle", 0));
        await harness.CreateAsync("analytics", e => e.Spec.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = TeamRole });
        await harness.WaitForAsync("analytics", e => Condition(e, "Ready") == "True", "Ready (after a retried failure, so Events were written)");
        await harness.UpdateAsync("analytics", e => e.Spec.Database.EngineVersion = "15.4");
        await harness.WaitForAsync("analytics", e => Condition(e, "Stalled", "reason") == "InvalidSpec", "Stalled InvalidSpec (another Event)");

        // Everything in the tenant's namespace: its environment, its connection Secret, the Events about it.
        string[] forbidden = ["e2e-passphrase", "PULUMI_CONFIG_PASSPHRASE", OperatorRole, "999999999999", TokenFile, harness.Backend, harness.Root];
        var tenantObjects = new[] { "secrets", "events", "configmaps", V1Alpha1DataPlatformEnvironment.Plural }
            .SelectMany(plural => harness.Server.Store.Snapshot(plural).Select(o => (plural, o)))
            .Where(x => (string?)x.o["metadata"]!["namespace"] == "team")
            .ToList();
        Assert.Contains(tenantObjects, x => x.plural == "events");
        foreach (var (plural, obj) in tenantObjects)
        {
            var text = obj.ToJsonString();
            var decoded = plural == "secrets" && obj["data"] is JsonObject data
                ? string.Join("\n", data.Select(d => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)d.Value!))))
                : "";
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal) || decoded.Contains(secret, StringComparison.Ordinal),
                    $"{plural}/{obj["metadata"]!["name"]} in the tenant namespace carries the operator's {secret}");
            }
        }

        // The only Secret there is the environment's own connection Secret, owned by it.
        var secrets = tenantObjects.Where(x => x.plural == "secrets").Select(x => x.o).ToList();
        var connection = Assert.Single(secrets);
        Assert.Equal("analytics-connection", (string?)connection["metadata"]!["name"]);
        Assert.Equal(V1Alpha1DataPlatformEnvironment.KindName, (string?)connection["metadata"]!["ownerReferences"]![0]!["kind"]);
    }
}
