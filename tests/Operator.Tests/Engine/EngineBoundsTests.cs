using DataPlatform.Entities.Spec;
using DataPlatform.Operator.Engine;
using DataPlatform.Operator.Engine.Jobs;

namespace DataPlatform.Operator.Tests.Engine;

public sealed class EngineBoundsTests
{
    private static readonly JobEngineOptions Settings = new() { MaxCpu = "2", MaxMemory = "4Gi", MaxParallel = 32 };

    private static EngineSpec Engine(string? cpuRequest = null, string? memoryRequest = null, string? cpuLimit = null, string? memoryLimit = null, int? parallel = null) => new()
    {
        Resources = new EngineResourcesSpec { CpuRequest = cpuRequest, MemoryRequest = memoryRequest, CpuLimit = cpuLimit, MemoryLimit = memoryLimit },
        Parallel = parallel,
    };

    [Fact]
    public void A_size_above_the_operators_bounds_is_refused_naming_field_bound_and_setting()
    {
        var violations = EngineBounds.Check(Engine(cpuLimit: "2001m", memoryLimit: "5Gi", parallel: 33), Settings);

        Assert.Equal(
        [
            "spec.stack.engine.resources.cpuLimit: error dataplatform.engine.bounds: cpuLimit 2001m is above 2, the most the operator allows (operator setting Engine:Job:MaxCpu, chart value engine.job.maxCpu).",
            "spec.stack.engine.resources.memoryLimit: error dataplatform.engine.bounds: memoryLimit 5Gi is above 4Gi, the most the operator allows (operator setting Engine:Job:MaxMemory, chart value engine.job.maxMemory).",
            "spec.stack.engine.parallel: error dataplatform.engine.bounds: parallel 33 is above 32, the most the operator allows (operator setting Engine:Job:MaxParallel, chart value engine.job.maxParallel).",
        ], violations.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("2", "4Gi")]
    [InlineData("2000m", "4096Mi")]
    [InlineData("2.0", "4294967296")]
    public void A_size_equal_to_the_bounds_in_any_unit_is_allowed(string cpu, string memory)
    {
        Assert.Empty(EngineBounds.Check(Engine(cpuRequest: cpu, cpuLimit: cpu, memoryRequest: memory, memoryLimit: memory, parallel: 32), Settings));
    }

    [Fact]
    public void A_request_above_the_operators_default_limit_is_refused_saying_to_raise_the_limit()
    {
        // The default memory limit is 2Gi: asking 3Gi of memory without a limit would make a Job the API server refuses.
        var violation = Assert.Single(EngineBounds.Check(Engine(memoryRequest: "3Gi"), Settings));

        Assert.Equal("spec.stack.engine.resources.memoryRequest", violation.Field);
        Assert.Equal(EngineBounds.MergedRule, violation.Rule);
        Assert.Equal("memoryRequest 3Gi is above the memory limit 2Gi, the operator's default (Engine:Job:MemoryLimit); set spec.stack.engine.resources.memoryLimit to at least 3Gi as well.", violation.Message);
    }

    [Fact]
    public void A_limit_below_the_operators_default_request_is_refused_saying_to_lower_the_request()
    {
        // The default memory request is 1Gi.
        var violation = Assert.Single(EngineBounds.Check(Engine(memoryLimit: "512Mi"), Settings));

        Assert.Equal("spec.stack.engine.resources.memoryLimit", violation.Field);
        Assert.Contains("memoryLimit 512Mi is below the memory request 1Gi, the operator's default (Engine:Job:MemoryRequest)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpu_request_without_a_limit_has_none_to_exceed()
    {
        Assert.Empty(EngineBounds.Check(Engine(cpuRequest: "2"), Settings));
    }

    [Fact]
    public void Nothing_asked_is_nothing_to_judge()
    {
        Assert.Empty(EngineBounds.Check((EngineSpec?)null, Settings));
        Assert.Empty(EngineBounds.Check(new EngineSpec(), new JobEngineOptions { MaxCpu = "1m", MaxMemory = "1Ki", MaxParallel = 1 }));
    }

    [Fact]
    public void The_merged_size_takes_each_field_the_environment_sets_and_the_defaults_for_the_rest()
    {
        var merged = EngineJobResources.For(Stack.Sizing.EngineSize.From(Engine(memoryLimit: "3Gi", parallel: 4)), new JobEngineOptions());

        Assert.Equal(new EngineJobResources("500m", "1Gi", null, "3Gi", 4), merged);
        Assert.Equal(new EngineJobResources("500m", "1Gi", null, "2Gi", 16), EngineJobResources.For(null, new JobEngineOptions()));
    }
}
