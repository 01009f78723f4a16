using System.Text;
using DataPlatform.Entities;
using DataPlatform.Operator.Controllers;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Controllers;

public sealed class ConnectionSecretBuilderTests
{
    private static readonly StackOutputView Outputs = new(
        new Dictionary<string, string>
        {
            ["databaseWriter"] = "analytics-prod-db.cluster-c9akciq32.eu-south-2.rds.amazonaws.com",
            ["databaseReader"] = "analytics-prod-db.cluster-ro-c9akciq32.eu-south-2.rds.amazonaws.com",
            ["databasePort"] = "5432",
            ["databaseUsername"] = "dbadmin",
            ["databasePassword"] = "p:ss#w0rd%",
            ["databaseName"] = "analytics",
            ["redisPrimary"] = "master.analytics-prod-redis.abc123.euso2.cache.amazonaws.com",
            ["redisPort"] = "6379",
            ["redisAuthToken"] = "tok&en",
            ["kinesisStreamArn"] = "arn:aws:kinesis:eu-south-2:123456789012:stream/prod-events",
            ["artifactBucket"] = "analytics-prod-artifacts-4711",
            ["vpcId"] = "vpc-0a1b2c3d4e5f60718",
        },
        new HashSet<string> { "databasePassword", "redisAuthToken" });

    [Fact]
    public void Secret_holds_every_connection_value_and_urls_escape_credentials()
    {
        var secret = ConnectionSecretBuilder.Build(Environment(), Outputs);
        var data = secret.Data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value));

        Assert.Equal("analytics-prod-connection", secret.Metadata.Name);
        Assert.Equal("p:ss#w0rd%", data["DATABASE_PASSWORD"]);
        Assert.Equal(
            "postgresql://dbadmin:p%3Ass%23w0rd%25@analytics-prod-db.cluster-c9akciq32.eu-south-2.rds.amazonaws.com:5432/analytics?sslmode=require",
            data["DATABASE_URL"]);
        Assert.Equal("rediss://:tok%26en@master.analytics-prod-redis.abc123.euso2.cache.amazonaws.com:6379", data["REDIS_URL"]);
        Assert.Equal("arn:aws:kinesis:eu-south-2:123456789012:stream/prod-events", data["KINESIS_STREAM_ARN"]);
        Assert.Equal("analytics-prod-artifacts-4711", data["ARTIFACT_BUCKET"]);
        Assert.Equal("eu-south-2", data["AWS_REGION"]);
    }

    [Fact]
    public void Secret_is_owned_by_the_environment()
    {
        var owner = Assert.Single(ConnectionSecretBuilder.Build(Environment(), Outputs).Metadata.OwnerReferences);

        Assert.Equal("dataplatform.io/v1alpha1", owner.ApiVersion);
        Assert.Equal("DataPlatformEnvironment", owner.Kind);
        Assert.Equal("analytics-prod", owner.Name);
        Assert.Equal("uid-1", owner.Uid);
        Assert.True(owner.Controller);
    }

    [Fact]
    public void Status_view_masks_secret_outputs_and_endpoints_never_carry_them()
    {
        var forStatus = Outputs.ForStatus();
        var endpoints = EndpointsMapper.Map(Outputs);

        Assert.Equal("[secret]", forStatus["databasePassword"]);
        Assert.Equal("[secret]", forStatus["redisAuthToken"]);
        Assert.DoesNotContain(forStatus.Values, v => v.Contains("p:ss", StringComparison.Ordinal));
        Assert.Equal(5432, endpoints.DatabasePort);
        Assert.Equal("vpc-0a1b2c3d4e5f60718", endpoints.VpcId);
        Assert.StartsWith("master.", endpoints.RedisPrimary, StringComparison.Ordinal);
    }

    private static V1Alpha1DataPlatformEnvironment Environment() => new()
    {
        Metadata = new V1ObjectMeta { Name = "analytics-prod", NamespaceProperty = "data-team", Uid = "uid-1", Generation = 1 },
        Spec = { Region = "eu-south-2" },
    };
}
