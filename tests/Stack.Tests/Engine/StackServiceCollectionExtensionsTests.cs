using DataPlatform.Stack.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Stack.Tests.Engine;

public sealed class StackServiceCollectionExtensionsTests
{
    [Fact]
    public void Engine_options_bind_from_configuration()
    {
        using var provider = Provider(new() { ["Engine:CliPath"] = "/opt/pulumi/bin/pulumi", ["Engine:RunTimeout"] = "00:45:00" });

        var options = provider.GetRequiredService<IOptions<StackEngineOptions>>().Value;

        Assert.Equal("/opt/pulumi/bin/pulumi", options.CliPath);
        Assert.Equal(TimeSpan.FromMinutes(45), options.RunTimeout);
        Assert.IsType<PulumiCliEngine>(provider.GetRequiredService<IStackEngine>());
    }

    [Fact]
    public void Invalid_engine_options_are_refused_with_the_setting_named()
    {
        using var provider = Provider(new() { ["Engine:RunTimeout"] = "-00:01:00", ["Engine:DefaultBackendUrl"] = "not a url" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StackEngineOptions>>().Value);

        Assert.Contains("Engine:RunTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("Engine:DefaultBackendUrl", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging()
        .AddDataPlatformStack(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();
}
