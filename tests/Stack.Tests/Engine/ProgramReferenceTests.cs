using DataPlatform.Stack.Engine;
using DataPlatform.Stack.Program;
using DataPlatform.Stack.Tests.Program;

namespace DataPlatform.Stack.Tests.Engine;

/// <summary>The fake pulumi reads interpolations as pulumi-yaml does, so a program that names nothing fails as the real CLI fails.</summary>
public sealed class ProgramReferenceTests
{
    [Fact]
    public async Task An_access_to_nothing_fails_the_run_with_pulumi_yamls_error()
    {
        using var harness = new EngineHarness();
        var program = EngineHarness.Program.Replace("vpcId: ${vpc.id}", "vpcId: ${nothing.id}", StringComparison.Ordinal);

        var result = await harness.Engine.RunAsync(harness.Request(program: program), EngineOperation.Up, null, CancellationToken.None);

        Assert.Equal(EngineOutcome.Failed, result.Outcome);
        Assert.Contains("resource, variable, or config value \"nothing\" not found", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Empty(harness.LockFiles());
    }

    [Fact]
    public async Task An_escaped_access_is_literal_text()
    {
        using var harness = new EngineHarness();
        var program = EngineHarness.Program.Replace("vpcId: ${vpc.id}", "vpcId: \"id $${nothing.id} costs $$5 or $5\"", StringComparison.Ordinal);
        var request = harness.Request(program: program);

        var result = await harness.Engine.RunAsync(request, EngineOperation.Up, null, CancellationToken.None);
        var outputs = await harness.Engine.GetOutputsAsync(request, CancellationToken.None);

        Assert.Equal(EngineOutcome.Succeeded, result.Outcome);
        Assert.Equal("id ${nothing.id} costs $5 or $5", outputs["vpcId"].Value);
    }

    [Fact]
    public async Task A_generated_program_with_hostile_spec_strings_previews_and_deploys()
    {
        using var harness = new EngineHarness();
        var environment = ProgramFixtures.Sample("full.yaml");
        environment.Spec.Pipeline.Build.Buildspec = "echo ${database-password.result} ${nothing} $${x}";
        environment.Spec.Tags["team"] = "${missing.value}";
        environment.Spec.Database.Parameters["application_name"] = "${pulumi.stack";
        var program = StackProgramBuilder.Build(environment);
        var request = harness.Request(program.StackName, PulumiYamlWriter.Project(program));

        var preview = await harness.Engine.RunAsync(request, EngineOperation.Preview, null, CancellationToken.None);
        var up = await harness.Engine.RunAsync(request, EngineOperation.Up, null, CancellationToken.None);

        Assert.Equal(EngineOutcome.Succeeded, preview.Outcome);
        Assert.Equal(EngineOutcome.Succeeded, up.Outcome);
    }
}
