using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Sizing;

namespace DataPlatform.Stack.Tests.Engine;

/// <summary>PULUMI_PARALLEL of a run: the environment's spec.stack.engine.parallel when it sets one, else the engine's setting, else none.</summary>
public sealed class EngineParallelismTests
{
    private static async Task<string?> ParallelOfUpAsync(int? setting, int? asked)
    {
        using var harness = new EngineHarness(o => o.Parallel = setting);
        var request = harness.Request() with { Size = asked is null ? null : new EngineSize(null, null, null, null, asked) };

        await harness.Engine.RunAsync(request, EngineOperation.Up, null, CancellationToken.None);

        return (string?)harness.Calls().Single(c => (string?)c["args"]![1] == "up")["env"]!["PULUMI_PARALLEL"];
    }

    [Fact]
    public async Task The_environments_parallelism_overrides_the_engines_setting()
    {
        Assert.Equal("3", await ParallelOfUpAsync(setting: 16, asked: 3));
    }

    [Fact]
    public async Task Without_one_the_engines_setting_applies_and_without_both_none_is_set()
    {
        Assert.Equal("16", await ParallelOfUpAsync(setting: 16, asked: null));
        Assert.Null(await ParallelOfUpAsync(setting: null, asked: null));
    }
}
