using DataPlatform.Operator.Engine;
using DataPlatform.Operator.Engine.Jobs;

namespace DataPlatform.Operator.Tests.Engine.Jobs;

public sealed class JobEngineOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(Action<JobEngineOptions> configure, EngineMode mode = EngineMode.Job)
    {
        var options = new EngineModeOptions { Mode = mode, Job = { Image = "operator:1", Namespace = "dataplatform-system" } };
        configure(options.Job);
        var result = new JobEngineOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void The_shipped_defaults_are_valid()
    {
        Assert.Empty(Failures(_ => { }));
    }

    [Fact]
    public void Bounds_that_are_no_quantity_or_out_of_range_are_refused_in_either_mode()
    {
        var failures = Failures(j => { j.MaxCpu = "four"; j.MaxMemory = "0"; j.MaxParallel = 0; }, EngineMode.InProcess);

        Assert.Contains("Engine:Job:MaxCpu must be a Kubernetes quantity above zero such as 4, 4000m or 8Gi. It is 'four'.", failures);
        Assert.Contains("Engine:Job:MaxMemory must be a Kubernetes quantity above zero such as 4, 4000m or 8Gi. It is '0'.", failures);
        Assert.Contains("Engine:Job:MaxParallel must be 1 to 256. It is 0.", failures);
    }

    [Fact]
    public void Defaults_above_the_bounds_are_refused_at_start()
    {
        var failures = Failures(j => { j.MaxMemory = "1536Mi"; j.MaxCpu = "250m"; j.MaxParallel = 8; });

        Assert.Contains("Engine:Job:MemoryLimit (2Gi) must not exceed Engine:Job:MaxMemory (1536Mi).", failures);
        Assert.Contains("Engine:Job:CpuRequest (500m) must not exceed Engine:Job:MaxCpu (250m).", failures);
        Assert.Contains("Engine:Job:Parallel (16) must not exceed Engine:Job:MaxParallel (8).", failures);
        Assert.DoesNotContain(failures, f => f.StartsWith("Engine:Job:MemoryRequest", StringComparison.Ordinal));
    }

    [Fact]
    public void A_default_request_above_its_default_limit_is_refused_at_start()
    {
        var failures = Failures(j => j.MemoryRequest = "2049Mi");

        Assert.Contains(failures, f => f.StartsWith("Engine:Job:CpuRequest and MemoryRequest must not exceed", StringComparison.Ordinal));
        Assert.Empty(Failures(j => j.MemoryRequest = "2048Mi"));
    }
}
