using DataPlatform.Entities;
using DataPlatform.Entities.Policy;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Policy;
using k8s.Models;

namespace DataPlatform.Stack.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    private static V1Alpha1DataPlatformEnvironment Environment(string ns = "team-a", Action<DataPlatformEnvironmentSpec>? configure = null)
    {
        var environment = new V1Alpha1DataPlatformEnvironment
        {
            Metadata = new V1ObjectMeta { Name = "analytics", NamespaceProperty = ns },
            Spec = { Region = "eu-west-1", Stack = { AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/dp-team-a" } } },
        };
        configure?.Invoke(environment.Spec);
        return environment;
    }

    private static V1Alpha1DataPlatformPolicy Policy(string name, Action<DataPlatformPolicySpec> configure)
    {
        var policy = new V1Alpha1DataPlatformPolicy { Metadata = new V1ObjectMeta { Name = name } };
        configure(policy.Spec);
        return policy;
    }

    [Fact]
    public void No_policy_installed_allows_everything_as_before()
    {
        var report = PolicyEvaluator.Evaluate(Environment(configure: s => s.Stack.CredentialsSecretRef = new SecretReference { Name = "keys" }), null, []);

        Assert.True(report.Allowed);
        Assert.True(report.DestructiveChangesWithoutApproval);
    }

    [Fact]
    public void A_namespace_no_policy_selects_is_refused_naming_every_policy_and_what_each_admits()
    {
        var report = PolicyEvaluator.Evaluate(Environment("team-z"), null,
            [Policy("platform", p => p.Namespaces.Names = ["team-a"]), Policy("labs", p => p.Namespaces.Selector = new NamespaceLabelSelector { MatchLabels = { ["tier"] = "lab" } })]);

        var violation = Assert.Single(report.Violations);
        Assert.Equal("labs, platform", violation.Policy);
        Assert.Equal("spec.namespaces", violation.Rule);
        Assert.Contains("namespace team-z is not admitted by any DataPlatformPolicy (labs admits selector {tier=lab}; platform admits names [team-a])", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("In", "lab", true)]
    [InlineData("In", "prod", false)]
    [InlineData("NotIn", "prod", true)]
    [InlineData("Exists", "x", true)]
    [InlineData("DoesNotExist", "x", false)]
    public void Label_selectors_match_namespace_labels_like_kubernetes(string op, string value, bool selected)
    {
        var policy = Policy("labs", p => p.Namespaces.Selector = new NamespaceLabelSelector
        {
            MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = Enum.Parse<LabelSelectorOperator>(op), Values = op is "In" or "NotIn" ? [value] : [] }],
        });
        policy.Spec.Identity.AllowOperatorIdentity = true;

        var report = PolicyEvaluator.Evaluate(Environment(), new Dictionary<string, string> { ["tier"] = "lab" }, [policy]);

        Assert.Equal(selected, report.Governing.Count == 1);
    }

    [Fact]
    public void Static_keys_are_refused_unless_the_policy_allows_them()
    {
        var keys = Environment(configure: s =>
        {
            s.Stack.AssumeRole = null;
            s.Stack.CredentialsSecretRef = new SecretReference { Name = "keys" };
        });

        var refused = PolicyEvaluator.Evaluate(keys, null, [Policy("platform", p => p.Namespaces.Names = ["team-a"])]);
        var allowed = PolicyEvaluator.Evaluate(keys, null, [Policy("platform", p =>
        {
            p.Namespaces.Names = ["team-a"];
            p.Identity.AllowStaticCredentials = true;
        })]);

        Assert.Equal(["spec.identity.allowStaticCredentials"], refused.Violations.Select(v => v.Rule));
        Assert.Equal("DataPlatformPolicy platform, rule spec.identity.allowStaticCredentials: spec.stack.credentialsSecretRef: static access keys are not allowed; name an IAM role in spec.stack.assumeRole instead.",
            refused.Violations[0].ToString());
        Assert.True(allowed.Allowed);
    }

    [Fact]
    public void Roles_accounts_regions_sizes_and_tags_are_judged_against_every_governing_policy()
    {
        var environment = Environment(configure: s =>
        {
            s.Stack.AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::444455556666:role/dp-team-b" };
            s.Region = "us-east-1";
            s.Database.Serverless.MaxCapacity = 16;
            s.Cache.NodeType = "cache.r7g.large";
            s.Cache.NumCacheClusters = 3;
        });
        var policy = Policy("platform", p =>
        {
            p.Namespaces.Names = ["team-a"];
            p.Identity.AllowedRoleArns = ["arn:aws:iam::*:role/dp-{namespace}"];
            p.AllowedAccounts = ["111122223333"];
            p.AllowedRegions = ["eu-west-1"];
            p.Limits.MaxServerlessCapacity = 8;
            p.Limits.CacheNodeTypes = ["cache.t4g.micro"];
            p.Limits.MaxCacheClusters = 2;
            p.RequiredTags = ["cost-center"];
        });
        var second = Policy("finance", p =>
        {
            p.Namespaces.Names = ["team-a"];
            p.Identity.AllowOperatorIdentity = true;
        });

        var report = PolicyEvaluator.Evaluate(environment, null, [policy, second]);

        Assert.Equal(["finance", "platform"], report.Governing.Select(p => p.Metadata.Name));
        Assert.Equal(
            ["spec.identity.allowedRoleArns", "spec.allowedAccounts", "spec.allowedRegions", "spec.requiredTags", "spec.limits.maxServerlessCapacity", "spec.limits.cacheNodeTypes", "spec.limits.maxCacheClusters"],
            report.Violations.Select(v => v.Rule));
        Assert.All(report.Violations, v => Assert.Equal("platform", v.Policy));
        Assert.Contains("role arn:aws:iam::444455556666:role/dp-team-b is not allowed for namespace team-a", report.Summary(), StringComparison.Ordinal);
        Assert.Contains("16 ACUs exceed the limit of 8", report.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_identity_needs_the_policys_consent_and_destructive_changes_need_every_governing_policys()
    {
        var ambient = Environment(configure: s => s.Stack.AssumeRole = null);
        var strict = Policy("platform", p => p.Namespaces.Names = ["team-a"]);
        var lenient = Policy("platform", p =>
        {
            p.Namespaces.Names = ["team-a"];
            p.Identity.AllowOperatorIdentity = true;
            p.Changes.AllowDestructiveWithoutApproval = true;
        });

        Assert.Equal(["spec.identity.allowOperatorIdentity"], PolicyEvaluator.Evaluate(ambient, null, [strict]).Violations.Select(v => v.Rule));
        Assert.True(PolicyEvaluator.Evaluate(ambient, null, [lenient]).Allowed);
        Assert.True(PolicyEvaluator.Evaluate(ambient, null, [lenient]).DestructiveChangesWithoutApproval);
        Assert.False(PolicyEvaluator.Evaluate(Environment(), null, [strict]).DestructiveChangesWithoutApproval);
    }
}
