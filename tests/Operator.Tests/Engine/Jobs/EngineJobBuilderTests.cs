using DataPlatform.Operator.Engine.Jobs;
using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Sizing;

namespace DataPlatform.Operator.Tests.Engine.Jobs;

public sealed class EngineJobBuilderTests
{
    private static readonly JobEngineOptions Settings = new() { Image = "operator:1", CpuRequest = "500m", MemoryRequest = "1Gi", MemoryLimit = "2Gi" };

    private static Dictionary<string, string> Resources(EngineSize? size, bool limits)
    {
        var request = new StackRequest { StackName = "team.analytics", Files = new Dictionary<string, string>(), Owner = new StackOwner("team", "analytics", "uid-1", 3), Size = size };
        var job = EngineJobBuilder.Job("dpe-job", "dataplatform-system", request, EngineOperation.Up, Settings, new StackEngineOptions(), withPassphrase: false);
        var resources = Assert.Single(job.Spec.Template.Spec.Containers).Resources;
        return (limits ? resources.Limits : resources.Requests).ToDictionary(r => r.Key, r => r.Value.ToString());
    }

    [Fact]
    public void The_job_runs_with_the_environments_size_over_the_operators_defaults()
    {
        var size = new EngineSize(CpuRequest: "250m", MemoryRequest: "1536Mi", CpuLimit: "2", MemoryLimit: "3Gi", Parallel: 4);

        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "250m", ["memory"] = "1536Mi" }, Resources(size, limits: false));
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "2", ["memory"] = "3Gi" }, Resources(size, limits: true));
    }

    [Fact]
    public void Fields_the_environment_leaves_unset_take_the_operators_defaults()
    {
        var size = new EngineSize(CpuRequest: null, MemoryRequest: null, CpuLimit: null, MemoryLimit: "3Gi", Parallel: null);

        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "500m", ["memory"] = "1Gi" }, Resources(size, limits: false));
        Assert.Equal(new Dictionary<string, string> { ["memory"] = "3Gi" }, Resources(size, limits: true));
        Assert.Equal(new Dictionary<string, string> { ["memory"] = "2Gi" }, Resources(null, limits: true));
    }

    [Theory]
    [InlineData("16Gi", null)]
    [InlineData(null, "3Gi")]
    public void A_size_outside_the_bounds_runs_with_the_defaults_so_a_destroy_is_never_a_job_the_api_server_refuses(string? memoryLimit, string? memoryRequest)
    {
        // Live environments outside the bounds never run; this is the deletion path, which is never held up.
        var size = new EngineSize(CpuRequest: null, MemoryRequest: memoryRequest, CpuLimit: null, MemoryLimit: memoryLimit, Parallel: 4);

        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "500m", ["memory"] = "1Gi" }, Resources(size, limits: false));
        Assert.Equal(new Dictionary<string, string> { ["memory"] = "2Gi" }, Resources(size, limits: true));
    }
}
