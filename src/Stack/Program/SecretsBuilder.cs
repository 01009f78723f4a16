using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// Credentials from the engine's cryptographic random provider (random:RandomPassword), never from a
/// non-cryptographic source, and the Secrets Manager secret that carries them with the real endpoint.
/// </summary>
public static class SecretsBuilder
{
    public const string DatabasePassword = "database-password";
    public const string CacheAuthToken = "cache-auth-token";
    public const string DatabaseSecret = "database-secret";

    /// <summary>Within Aurora's 8..41 and RDS PostgreSQL's 8..128.</summary>
    public const int DatabasePasswordLength = 32;

    /// <summary>Printable ASCII specials RDS accepts: no '/', '"', '@' or space.</summary>
    public const string DatabasePasswordSpecials = "!#$%&*()-_=+[]{}<>:?";

    /// <summary>Within ElastiCache's 16..128.</summary>
    public const int CacheTokenLength = 64;

    /// <summary>The only specials ElastiCache AUTH tokens accept.</summary>
    public const string CacheTokenSpecials = "!&#$^<>-";

    private const string Component = "secrets";

    internal static void BuildPasswords(ProgramContext context)
    {
        context.Add(DatabasePassword, "random:index/randomPassword:RandomPassword", Component, null, PropertyMap.Of(
            ("length", DatabasePasswordLength),
            ("special", true),
            ("overrideSpecial", DatabasePasswordSpecials),
            ("minLower", 1),
            ("minUpper", 1),
            ("minNumeric", 1),
            ("minSpecial", 1)));
        if (context.Spec.Cache.AuthEnabled)
        {
            context.Add(CacheAuthToken, "random:index/randomPassword:RandomPassword", Component, null, PropertyMap.Of(
                ("length", CacheTokenLength),
                ("special", true),
                ("overrideSpecial", CacheTokenSpecials),
                ("minLower", 1),
                ("minUpper", 1),
                ("minNumeric", 1)));
        }
    }

    /// <summary>The secret is written after the database exists, so it carries the real endpoint.</summary>
    internal static void BuildDatabaseSecret(ProgramContext context)
    {
        var names = context.Names;
        var database = context.Spec.Database;
        context.Add(DatabaseSecret, "aws:secretsmanager/secret:Secret", Component, names.DatabaseSecret, PropertyMap.Of(
            ("name", names.DatabaseSecret),
            ("description", $"Master credentials of the {database.Engine switch { DatabaseEngine.Postgres => "postgres", _ => "aurora-postgresql" }} database of {names.Suffix}"),
            ("kmsKeyId", ProgramContext.KeyArn(KeyService.Secrets)),
            ("recoveryWindowInDays", 7),
            ("tags", context.Tags(names.DatabaseSecret))));
        context.Add("database-secret-version", "aws:secretsmanager/secretVersion:SecretVersion", Component, null, PropertyMap.Of(
            ("secretId", Expr.Ref(DatabaseSecret, "id")),
            ("secretString", new SecretValue(new JsonValue(PropertyMap.Of(
                ("username", database.MasterUsername),
                ("password", Expr.Ref(DatabasePassword, "result")),
                ("engine", DatabaseBuilder.EngineName(database.Engine)),
                ("host", DatabaseBuilder.WriterEndpoint(context)),
                ("port", DatabaseBuilder.Port(context)),
                ("dbname", database.DatabaseName)))))),
            new ResourceOptions { DependsOn = [DatabaseBuilder.WriterLogicalName(context)] });
        context.Output(StackOutputNames.DatabaseSecretArn, Expr.Ref(DatabaseSecret, "arn"));
    }
}
