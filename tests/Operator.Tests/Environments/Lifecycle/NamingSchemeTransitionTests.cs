using DataPlatform.Entities.Status;
using DataPlatform.Operator.Environments.Lifecycle;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>The naming scheme is written down at the first update, so an environment's AWS names never change under it.</summary>
public sealed class NamingSchemeTransitionTests
{
    [Fact]
    public void A_new_environment_records_namespaced_names_at_its_first_update()
    {
        var kit = new LifecycleTestKit();

        kit.Step();

        Assert.Equal(NamingScheme.Namespaced, kit.Environment.Status!.NamingScheme);
    }

    [Fact]
    public void An_environment_deployed_before_the_upgrade_records_legacy_names_and_keeps_them()
    {
        var kit = new LifecycleTestKit();
        kit.Succeed();
        kit.Environment.Status!.NamingScheme = null; // as written by an operator without namespaced names
        kit.With(e => e.Metadata.Generation = 2);

        var step = kit.Step();

        Assert.Equal(LifecycleActionKind.RunPreview, step.Action!.Kind);
        Assert.Equal(NamingScheme.Legacy, kit.Environment.Status!.NamingScheme);
    }
}
