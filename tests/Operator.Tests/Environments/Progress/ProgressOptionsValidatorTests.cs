using DataPlatform.Operator.Environments.Progress;

namespace DataPlatform.Operator.Tests.Environments.Progress;

public sealed class ProgressOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_write_at_most_every_15_seconds()
    {
        var options = new ProgressOptions();

        Assert.True(new ProgressOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(15), options.StatusWriteInterval);
    }

    [Theory]
    [InlineData("00:00:00", "00:01:00", "Progress:StatusWriteInterval must be from 00:00:01 to 01:00:00")]
    [InlineData("00:00:30", "00:00:10", "Progress:HeartbeatInterval must be at least StatusWriteInterval (00:00:30)")]
    public void Refuses_settings_that_would_write_without_bound_naming_the_setting(string interval, string heartbeat, string expected)
    {
        var result = new ProgressOptionsValidator().Validate(null, new ProgressOptions { StatusWriteInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture), HeartbeatInterval = TimeSpan.Parse(heartbeat, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
