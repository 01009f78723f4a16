using DataPlatform.Entities;
using DataPlatform.Entities.Policy;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Policy;
using k8s.Models;

namespace DataPlatform.Stack.Tests.Policy;

public sealed class EngineLimitsTests
{
    private static V1Alpha1DataPlatformEnvironment Environment(EngineSpec? engine) => new()
    {
        Metadata = new V1ObjectMeta { Name = "analytics", NamespaceProperty = "team-a" },
        Spec = { Region = "eu-west-1", Stack = { AssumeRole = new AssumeRoleSpec { RoleArn = "arn:aws:iam::111122223333:role/dp-team-a" }, Engine = engine } },
    };

    private static V1Alpha1DataPlatformPolicy Policy(string name, Action<SizeLimits> limits)
    {
        var policy = new V1Alpha1DataPlatformPolicy { Metadata = new V1ObjectMeta { Name = name }, Spec = { Namespaces = { Names = ["team-a"] } } };
        limits(policy.Spec.Limits);
        return policy;
    }

    private static EngineSpec Engine(string? cpuRequest = null, string? memoryRequest = null, string? cpuLimit = null, string? memoryLimit = null, int? parallel = null) => new()
    {
        Resources = new EngineResourcesSpec { CpuRequest = cpuRequest, MemoryRequest = memoryRequest, CpuLimit = cpuLimit, MemoryLimit = memoryLimit },
        Parallel = parallel,
    };

    [Fact]
    public void An_engine_size_above_the_policys_limits_is_refused_naming_field_policy_and_limit()
    {
        var report = PolicyEvaluator.Evaluate(Environment(Engine(cpuLimit: "2500m", memoryLimit: "3Gi", parallel: 40)), null,
            [Policy("team-a-limits", l => { l.MaxEngineCpu = "2"; l.MaxEngineMemory = "2Gi"; l.MaxEngineParallel = 32; })]);

        Assert.Equal(
        [
            "DataPlatformPolicy team-a-limits, rule spec.limits.maxEngineCpu: spec.stack.engine.resources.cpuLimit: 2500m is above the limit of 2.",
            "DataPlatformPolicy team-a-limits, rule spec.limits.maxEngineMemory: spec.stack.engine.resources.memoryLimit: 3Gi is above the limit of 2Gi.",
            "DataPlatformPolicy team-a-limits, rule spec.limits.maxEngineParallel: spec.stack.engine.parallel: 40 is above the limit of 32.",
        ], report.Violations.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData(false, "2Gi", "2048Mi")]
    [InlineData(false, "2Gi", "2147483648")]
    [InlineData(true, "2", "2000m")]
    [InlineData(true, "0.5", "500m")]
    public void A_size_equal_to_the_limit_in_other_units_is_allowed(bool cpu, string limit, string asked)
    {
        var engine = cpu ? Engine(cpuRequest: asked, cpuLimit: asked) : Engine(memoryRequest: asked, memoryLimit: asked);
        var report = PolicyEvaluator.Evaluate(Environment(engine), null, [Policy("p", l => { l.MaxEngineCpu = cpu ? limit : null; l.MaxEngineMemory = cpu ? null : limit; })]);

        Assert.True(report.Allowed, report.Summary());
    }

    [Fact]
    public void Requests_are_bounded_like_limits()
    {
        var report = PolicyEvaluator.Evaluate(Environment(Engine(memoryRequest: "1025Mi")), null, [Policy("p", l => l.MaxEngineMemory = "1Gi")]);

        Assert.Equal("spec.stack.engine.resources.memoryRequest", Assert.Single(report.Violations).Field);
    }

    [Fact]
    public void An_environment_that_asks_for_nothing_is_not_judged_and_no_limit_bounds_nothing()
    {
        Assert.True(PolicyEvaluator.Evaluate(Environment(null), null, [Policy("p", l => { l.MaxEngineCpu = "100m"; l.MaxEngineMemory = "1Mi"; l.MaxEngineParallel = 1; })]).Allowed);
        Assert.True(PolicyEvaluator.Evaluate(Environment(Engine(cpuLimit: "64", memoryLimit: "512Gi", parallel: 256)), null, [Policy("p", _ => { })]).Allowed);
    }

    [Fact]
    public void Every_governing_policy_applies_so_the_tightest_wins()
    {
        var report = PolicyEvaluator.Evaluate(Environment(Engine(memoryLimit: "3Gi")), null,
            [Policy("loose", l => l.MaxEngineMemory = "4Gi"), Policy("tight", l => l.MaxEngineMemory = "2Gi")]);

        Assert.Equal("tight", Assert.Single(report.Violations).Policy);
    }
}
