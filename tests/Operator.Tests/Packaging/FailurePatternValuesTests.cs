using DataPlatform.Operator.Hosting;
using DataPlatform.Stack;
using DataPlatform.Stack.Failures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Operator.Tests.Packaging;

/// <summary>The Helm value failures.patterns reaches the operator's configuration and its classifier.</summary>
public sealed class FailurePatternValuesTests
{
    private const string Combination = "api error InvalidParameterCombination: RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t4g.medium, Engine=postgres, EngineVersion=16.4.";

    [Fact]
    public async Task Configured_pattern_from_helm_values_reaches_the_classifier()
    {
        var deployment = (await Rendered.HelmAsync(
            "failures.patterns[0].id=team.rdsRetry",
            "failures.patterns[0].pattern=RDS does not support creating",
            "failures.patterns[0].class=PlatformRetry",
            "failures.patterns[0].outcome=Transient",
            "failures.patterns[0].field=spec.database.instanceClass")).Single(d => (string?)d["kind"] == "Deployment");
        var env = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Where(e => ((string?)e!["name"])!.StartsWith(OperatorHost.EnvironmentPrefix + "Failures__", StringComparison.Ordinal))
            .ToDictionary(e => ((string?)e!["name"])![OperatorHost.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), e => (string?)e!["value"]);

        using var provider = new ServiceCollection().AddLogging()
            .AddDataPlatformStack(new ConfigurationBuilder().AddInMemoryCollection(env).Build())
            .BuildServiceProvider();
        var failure = provider.GetRequiredService<FailureClassifier>().Classify([Combination]);

        Assert.Equal(5, env.Count);
        Assert.Equal(("PlatformRetry", FailureOutcome.Transient, "spec.database.instanceClass"), (failure.Class, failure.Outcome, failure.Field));
    }

    [Fact]
    public async Task No_patterns_by_default()
    {
        var deployment = (await Rendered.HelmAsync()).Single(d => (string?)d["kind"] == "Deployment");

        Assert.DoesNotContain(deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray(),
            e => ((string?)e!["name"])!.Contains("Failures", StringComparison.Ordinal));
    }
}
