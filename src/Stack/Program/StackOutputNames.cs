namespace DataPlatform.Stack.Program;

/// <summary>
/// The stack outputs the operator reads back (status.endpoints, the connection Secret), named once for the program
/// builders that write them and the controller that reads them; a test checks every one is written.
/// </summary>
public static class StackOutputNames
{
    public const string VpcId = "vpcId";
    public const string DatabaseWriter = "databaseWriter";
    public const string DatabaseReader = "databaseReader";
    public const string DatabasePort = "databasePort";
    public const string DatabaseSecretArn = "databaseSecretArn";
    public const string DatabaseName = "databaseName";
    public const string DatabaseUsername = "databaseUsername";
    public const string DatabasePassword = "databasePassword";
    public const string RedisPrimary = "redisPrimary";
    public const string RedisReader = "redisReader";
    public const string RedisPort = "redisPort";
    public const string RedisAuthToken = "redisAuthToken";
    public const string KinesisStreamArn = "kinesisStreamArn";
    public const string ArtifactBucket = "artifactBucket";
    public const string PipelineName = "pipelineName";
    public const string Region = "region";
}
