using System.Text;
using DataPlatform.Entities;
using DataPlatform.Stack.Naming;
using k8s.Models;
using static DataPlatform.Stack.Program.StackOutputNames;

namespace DataPlatform.Operator.Controllers;

/// <summary>
/// Builds the connection Secret (owner-referenced to the environment, so it goes when the environment goes):
/// database host, port, user, password, name and URL; Redis host, port, token and URL; the stream ARN; the bucket.
/// Keys are environment-variable names so a Deployment can use it with envFrom.
/// </summary>
internal static class ConnectionSecretBuilder
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string EnvironmentLabel = "dataplatform.io/environment";
    public const string ManagedBy = "dataplatform-operator";

    public static V1Secret Build(V1Alpha1DataPlatformEnvironment environment, StackOutputView outputs)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(outputs);
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                data[key] = value;
            }
        }

        var host = outputs.Get(DatabaseWriter);
        var port = outputs.Get(DatabasePort);
        var user = outputs.Get(DatabaseUsername);
        var password = outputs.Get(DatabasePassword);
        var database = outputs.Get(DatabaseName);
        Put("DATABASE_HOST", host);
        Put("DATABASE_READER_HOST", outputs.Get(DatabaseReader));
        Put("DATABASE_PORT", port);
        Put("DATABASE_USER", user);
        Put("DATABASE_PASSWORD", password);
        Put("DATABASE_NAME", database);
        Put("DATABASE_SECRET_ARN", outputs.Get(DatabaseSecretArn));
        if (host is not null && user is not null && password is not null)
        {
            Put("DATABASE_URL", $"postgresql://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@{host}:{port ?? "5432"}/{database}?sslmode=require");
        }

        var redisHost = outputs.Get(RedisPrimary);
        var redisPort = outputs.Get(RedisPort) ?? "6379";
        var token = outputs.Get(RedisAuthToken);
        Put("REDIS_HOST", redisHost);
        Put("REDIS_READER_HOST", outputs.Get(RedisReader));
        Put("REDIS_PORT", redisHost is null ? null : redisPort);
        Put("REDIS_AUTH_TOKEN", token);
        if (redisHost is not null)
        {
            var tls = environment.Spec.Cache.TransitEncryption;
            var auth = token is null ? "" : $":{Uri.EscapeDataString(token)}@";
            Put("REDIS_URL", $"{(tls ? "rediss" : "redis")}://{auth}{redisHost}:{redisPort}");
        }

        Put("KINESIS_STREAM_ARN", outputs.Get(KinesisStreamArn));
        Put("ARTIFACT_BUCKET", outputs.Get(ArtifactBucket));
        Put("AWS_REGION", outputs.Get(Region) ?? environment.Spec.Region);

        var name = environment.Metadata.Name;
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Type = "Opaque",
            Metadata = new V1ObjectMeta
            {
                Name = ResourceNames.For(environment).ConnectionSecret,
                NamespaceProperty = environment.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string> { [ManagedByLabel] = ManagedBy, [EnvironmentLabel] = name },
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = environment.ApiVersion,
                        Kind = environment.Kind,
                        Name = name,
                        Uid = environment.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Data = data.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal),
        };
    }
}
