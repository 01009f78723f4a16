using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// CloudWatch log groups with retention and the logs key: the application group, the Redis slow log, the CodeBuild
/// group, and the database export groups, created before the database so RDS writes into them instead of making
/// unencrypted ones that never expire.
/// </summary>
internal static class ObservabilityBuilder
{
    private const string Component = "observability";
    public const string ApplicationLogGroup = "application-log-group";
    public const string CacheLogGroup = "cache-slow-log-group";
    public const string BuildLogGroup = "build-log-group";

    public static string DatabaseLogGroup(LogExport export) => $"database-{Wire(export)}-log-group";

    public static string Wire(LogExport export) => export switch
    {
        LogExport.Postgresql => "postgresql",
        LogExport.Upgrade => "upgrade",
        LogExport.Instance => "instance",
        _ => "iam-db-auth-error",
    };

    public static void Build(ProgramContext context)
    {
        var names = context.Names;
        Group(context, ApplicationLogGroup, names.ApplicationLogGroup);
        Group(context, CacheLogGroup, names.CacheLogGroup);
        if (context.Spec.Pipeline.Enabled)
        {
            Group(context, BuildLogGroup, names.BuildLogGroup);
        }

        foreach (var export in context.Spec.Database.LogExports.Distinct())
        {
            Group(context, DatabaseLogGroup(export), names.DatabaseLogGroup(Wire(export), context.Spec.Database.Engine));
        }

        context.Output("applicationLogGroup", Expr.Ref(ApplicationLogGroup, "name"));
    }

    private static void Group(ProgramContext context, string logical, string name) =>
        context.Add(logical, "aws:cloudwatch/logGroup:LogGroup", Component, name, PropertyMap.Of(
            ("name", name),
            ("retentionInDays", context.Spec.Logging.RetentionDays),
            ("kmsKeyId", ProgramContext.KeyArn(KeyService.Logs)),
            ("tags", context.Tags(name))));
}
