using DataPlatform.Stack.Engine.Events;

namespace DataPlatform.Stack.Tests.Engine.Events;

public sealed class AwsErrorTextTests
{
    [Theory]
    [InlineData("creating aws:kinesis/stream:Stream (events): operation error: https response error StatusCode: 400, RequestID: 8a1c, api error ThrottlingException: Rate exceeded", "ThrottlingException: Rate exceeded")]
    [InlineData("  sdk-v2/provider2.go:385: sdk.helper_schema: creating RDS Cluster (db): operation error RDS: CreateDBCluster, https response error StatusCode: 400, RequestID: 1, api error InvalidParameterValue: Invalid DB engine version.\nmore", "InvalidParameterValue: Invalid DB engine version.")]
    [InlineData("  the stack is currently locked by 1 lock(s).  ", "the stack is currently locked by 1 lock(s).")]
    public void Keeps_the_AWS_code_and_text_or_the_whole_message(string text, string expected) => Assert.Equal(expected, AwsErrorText.Brief(text));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(200, "3m20s")]
    [InlineData(3900, "1h05m")]
    public void Durations_read_like_kubectl_ages(double seconds, string expected) => Assert.Equal(expected, Durations.Brief(TimeSpan.FromSeconds(seconds)));
}
