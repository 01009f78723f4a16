using static DataPlatform.EndToEnd.Tests.OperatorHarness;

namespace DataPlatform.EndToEnd.Tests;

/// <summary>
/// A failure pattern from the operator's configuration (Failures:Patterns, the Helm value failures.patterns) changes
/// how a real engine failure is handled: the fake pulumi's InvalidParameterCombination, terminal in the built-in
/// table, becomes a scheduled retry with the configured class.
/// </summary>
public sealed class FailurePatternTests
{
    [Fact]
    public async Task Configured_pattern_turns_a_terminal_failure_into_a_retry_with_its_class()
    {
        await using var harness = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["Failures:Patterns:0:Id"] = "team.rdsCombinationRetry",
            ["Failures:Patterns:0:Pattern"] = "RDS does not support creating a DB instance with the following combination",
            ["Failures:Patterns:0:Class"] = "PlatformRetry",
            ["Failures:Patterns:0:Outcome"] = "Transient",
        });
        harness.Faults(("up", "invalid", 0));
        await harness.CreateAsync("retried");

        await harness.WaitForAsync("retried",
            e => e?["status"]?["retry"]?["lastFailureClass"]?.GetValue<string>() == "PlatformRetry" && Condition(e, "Reconciling") == "True",
            "a retry scheduled with the configured class");
        Assert.Null(Condition(harness.Server.Store.Snapshot(Entities.V1Alpha1DataPlatformEnvironment.Plural).Single(), "Stalled"));
        await harness.WaitForAsync("retried", e => Condition(e, "Ready") == "True", "Ready after the retry");

        Assert.Equal(2, harness.Runs("up"));
    }
}
