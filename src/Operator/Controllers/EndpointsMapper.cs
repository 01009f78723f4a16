using DataPlatform.Entities.Status;
using static DataPlatform.Stack.Program.StackOutputNames;

namespace DataPlatform.Operator.Controllers;

/// <summary>Maps stack outputs to status.endpoints. Secret outputs never reach the status.</summary>
internal static class EndpointsMapper
{
    public static Endpoints Map(StackOutputView outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new Endpoints
        {
            DatabaseWriter = Plain(outputs, DatabaseWriter),
            DatabaseReader = Plain(outputs, DatabaseReader),
            DatabasePort = outputs.Secrets.Contains(DatabasePort) ? null : outputs.GetInt(DatabasePort),
            DatabaseSecretArn = Plain(outputs, DatabaseSecretArn),
            RedisPrimary = Plain(outputs, RedisPrimary),
            RedisReader = Plain(outputs, RedisReader),
            RedisPort = outputs.Secrets.Contains(RedisPort) ? null : outputs.GetInt(RedisPort),
            KinesisStreamArn = Plain(outputs, KinesisStreamArn),
            ArtifactBucket = Plain(outputs, ArtifactBucket),
            PipelineName = Plain(outputs, PipelineName),
            VpcId = Plain(outputs, VpcId),
        };
    }

    private static string? Plain(StackOutputView outputs, string name) =>
        outputs.Secrets.Contains(name) ? null : outputs.Get(name);
}
