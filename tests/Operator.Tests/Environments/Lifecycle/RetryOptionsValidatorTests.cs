using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Operator.Runtime;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

public sealed class RetryOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new RetryOptionsValidator().Validate(null, new RetryOptions()).Succeeded);
        Assert.True(new OperatorOptionsValidator().Validate(null, new OperatorOptions()).Succeeded);
        Assert.Equal(3, new RetryOptions().UnknownFailureRetries);
    }

    [Theory]
    [InlineData(-1, "Retry:UnknownFailureRetries must be 0 to 100. It is -1.")]
    [InlineData(101, "Retry:UnknownFailureRetries must be 0 to 100. It is 101.")]
    public void Unknown_failure_retries_out_of_range_name_the_setting_and_the_range(int retries, string expected)
    {
        var result = new RetryOptionsValidator().Validate(null, new RetryOptions { UnknownFailureRetries = retries });

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public void Every_broken_operator_setting_is_reported_at_once()
    {
        var options = new OperatorOptions { MaxConcurrentReconciles = 0, ResyncPeriod = TimeSpan.Zero, WatchNamespaces = [""] };

        var failures = new OperatorOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.StartsWith("Operator:MaxConcurrentReconciles must be 1 to 256.", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Operator:ResyncPeriod must be positive.", failures[1], StringComparison.Ordinal);
        Assert.StartsWith("Operator:WatchNamespaces must hold namespace names", failures[2], StringComparison.Ordinal);
    }
}
