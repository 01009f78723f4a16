using System.Text.RegularExpressions;
using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// PostgreSQL: an Aurora Serverless v2 cluster (cluster parameter group, subnet group, db.serverless instances) or
/// an RDS instance (parameter group, subnet group, gp3 set explicitly). The engine version is resolved for the
/// region when the program runs (aws:rds/getEngineVersion), which also gives the parameter group family; an
/// exact pin is honoured and checked the same way.
/// </summary>
public static partial class DatabaseBuilder
{
    public const string Cluster = "database-cluster";
    public const string Instance = "database-instance";
    public const string EngineVersionVariable = "databaseEngineVersion";
    private const string Component = "database";

    public static string EngineName(DatabaseEngine engine) => engine == DatabaseEngine.Postgres ? "postgres" : "aurora-postgresql";

    /// <summary>True when the spec pins an exact minor version (16.4) rather than a major (16).</summary>
    public static bool IsExactPin(string version) => ExactVersion().IsMatch(version);

    /// <summary>
    /// The version recorded in status.pinnedVersions when it still applies: the spec names a major (not an exact
    /// pin), the recorded version is of that major, and no new dataplatform.io/upgrade-engine value asks to move.
    /// </summary>
    public static string? PinnedVersion(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var spec = environment.Spec.Database.EngineVersion;
        var pins = environment.Status?.PinnedVersions;
        if (pins?.Database is not { } pinned || IsExactPin(spec) || !pinned.StartsWith(spec + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var requested = environment.Metadata?.Annotations is { } annotations
            && annotations.TryGetValue(V1Alpha1DataPlatformEnvironment.UpgradeEngineAnnotation, out var value) ? value : null;
        return requested is not null && requested != pins.ObservedUpgradeRequest ? null : pinned;
    }

    internal static string WriterLogicalName(ProgramContext context) =>
        context.Spec.Database.Engine == DatabaseEngine.Postgres ? Instance : Cluster;

    internal static string WriterEndpoint(ProgramContext context) =>
        context.Spec.Database.Engine == DatabaseEngine.Postgres ? Expr.Ref(Instance, "address") : Expr.Ref(Cluster, "endpoint");

    internal static string Port(ProgramContext context) => Expr.Ref(WriterLogicalName(context), "port");

    internal static void Build(ProgramContext context)
    {
        var database = context.Spec.Database;
        var engine = EngineName(database.Engine);
        var pinned = PinnedVersion(context.Environment);
        var version = pinned ?? database.EngineVersion;
        var exact = IsExactPin(version);
        context.Variable(EngineVersionVariable, new Invoke("aws:rds/getEngineVersion:getEngineVersion", PropertyMap.Of(
                ("engine", engine),
                ("version", version),
                ("latest", exact ? null : true))),
            pinned is not null
                ? $"{engine} {pinned}, resolved at the first deploy and pinned in status.pinnedVersions; the dataplatform.io/upgrade-engine annotation resolves the newest {database.EngineVersion}.x again."
                : exact
                ? $"{engine} {database.EngineVersion} as pinned; the lookup fails the run if the region does not offer it."
                : $"The newest {engine} {database.EngineVersion}.x the region offers, and its parameter group family.");

        var names = context.Names;
        context.Add("database-subnet-group", "aws:rds/subnetGroup:SubnetGroup", Component, names.DbSubnetGroup, PropertyMap.Of(
            ("name", names.DbSubnetGroup),
            ("description", $"Private subnets of {names.Suffix}"),
            ("subnetIds", NetworkBuilder.PrivateSubnetIds(context)),
            ("tags", context.Tags(names.DbSubnetGroup))));

        var logGroups = database.LogExports.Distinct().Select(ObservabilityBuilder.DatabaseLogGroup).ToList();
        if (database.Engine == DatabaseEngine.Postgres)
        {
            BuildInstance(context, logGroups);
        }
        else
        {
            BuildAurora(context, logGroups);
        }

        context.Output(StackOutputNames.DatabaseName, database.DatabaseName);
        context.Output(StackOutputNames.DatabaseUsername, database.MasterUsername);
        context.Output(StackOutputNames.DatabasePassword, Expr.Ref(SecretsBuilder.DatabasePassword, "result"), secret: true);
        context.Output("databaseEngineVersion", Expr.Ref(WriterLogicalName(context), "engineVersion"));
    }

    private static void BuildAurora(ProgramContext context, List<string> logGroups)
    {
        var database = context.Spec.Database;
        var names = context.Names;
        context.Add("database-cluster-parameter-group", "aws:rds/clusterParameterGroup:ClusterParameterGroup", Component, names.DbClusterParameterGroup, PropertyMap.Of(
            ("name", names.DbClusterParameterGroup),
            ("family", Expr.Ref(EngineVersionVariable, "parameterGroupFamily")),
            ("description", $"Cluster parameters of {names.Suffix}"),
            ("parameters", Parameters(database.Parameters)),
            ("tags", context.Tags(names.DbClusterParameterGroup))));
        var serverless = database.Serverless;
        context.Add(Cluster, "aws:rds/cluster:Cluster", Component, names.ClusterIdentifier, PropertyMap.Of(
            ("clusterIdentifier", names.ClusterIdentifier),
            ("engine", "aurora-postgresql"),
            ("engineMode", "provisioned"),
            ("engineVersion", Expr.Ref(EngineVersionVariable, "versionActual")),
            ("databaseName", database.DatabaseName),
            ("masterUsername", database.MasterUsername),
            ("masterPassword", new SecretValue(Expr.Ref(SecretsBuilder.DatabasePassword, "result"))),
            ("dbSubnetGroupName", Expr.Ref("database-subnet-group", "name")),
            ("dbClusterParameterGroupName", Expr.Ref("database-cluster-parameter-group", "name")),
            ("vpcSecurityGroupIds", new List<object> { Expr.Ref(NetworkBuilder.DatabaseSecurityGroup, "id") }),
            ("port", NetworkBuilder.DatabasePort),
            ("storageEncrypted", true),
            ("kmsKeyId", ProgramContext.KeyArn(KeyService.Database)),
            ("backupRetentionPeriod", database.BackupRetentionDays),
            ("preferredBackupWindow", database.BackupWindow),
            ("preferredMaintenanceWindow", database.MaintenanceWindow),
            ("applyImmediately", context.Spec.UpdatePolicy.ApplyImmediately),
            ("enabledCloudwatchLogsExports", Exports(database)),
            ("deletionProtection", database.DeletionProtection),
            ("skipFinalSnapshot", database.SkipFinalSnapshot),
            ("finalSnapshotIdentifier", database.SkipFinalSnapshot ? null : $"{names.ClusterIdentifier}-final"),
            ("copyTagsToSnapshot", true),
            ("serverlessv2ScalingConfiguration", PropertyMap.Of(
                ("minCapacity", serverless.MinCapacity),
                ("maxCapacity", serverless.MaxCapacity),
                ("secondsUntilAutoPause", serverless.SecondsUntilAutoPause))),
            ("tags", context.Tags(names.ClusterIdentifier))),
            new ResourceOptions { DependsOn = logGroups, AdditionalSecretOutputs = ["masterPassword"] });

        var instances = database.MultiAz ? 2 : 1;
        for (var i = 0; i < instances; i++)
        {
            var identifier = i == 0 ? names.InstanceIdentifier : $"{names.InstanceIdentifier}-reader";
            context.Add(i == 0 ? "database-writer" : "database-reader", "aws:rds/clusterInstance:ClusterInstance", Component, identifier, PropertyMap.Of(
                ("identifier", identifier),
                ("clusterIdentifier", Expr.Ref(Cluster, "id")),
                ("instanceClass", "db.serverless"),
                ("engine", "aurora-postgresql"),
                ("engineVersion", Expr.Ref(Cluster, "engineVersion")),
                ("dbSubnetGroupName", Expr.Ref("database-subnet-group", "name")),
                ("publiclyAccessible", false),
                ("autoMinorVersionUpgrade", true),
                ("promotionTier", i),
                ("applyImmediately", context.Spec.UpdatePolicy.ApplyImmediately),
                ("tags", context.Tags(identifier))));
        }

        context.Output(StackOutputNames.DatabaseWriter, Expr.Ref(Cluster, "endpoint"));
        context.Output(StackOutputNames.DatabaseReader, Expr.Ref(Cluster, "readerEndpoint"));
        context.Output(StackOutputNames.DatabasePort, Expr.Ref(Cluster, "port"));
        context.Output("databaseClusterArn", Expr.Ref(Cluster, "arn"));
    }

    private static void BuildInstance(ProgramContext context, List<string> logGroups)
    {
        var database = context.Spec.Database;
        var names = context.Names;
        context.Add("database-parameter-group", "aws:rds/parameterGroup:ParameterGroup", Component, names.DbParameterGroup, PropertyMap.Of(
            ("name", names.DbParameterGroup),
            ("family", Expr.Ref(EngineVersionVariable, "parameterGroupFamily")),
            ("description", $"Parameters of {names.Suffix}"),
            ("parameters", Parameters(database.Parameters)),
            ("tags", context.Tags(names.DbParameterGroup))));
        context.Add(Instance, "aws:rds/instance:Instance", Component, names.InstanceIdentifier, PropertyMap.Of(
            ("identifier", names.InstanceIdentifier),
            ("engine", "postgres"),
            ("engineVersion", Expr.Ref(EngineVersionVariable, "versionActual")),
            ("instanceClass", database.InstanceClass),
            ("allocatedStorage", database.AllocatedStorage),
            ("storageType", Storage(database.StorageType)),
            ("iops", database.Iops),
            ("storageThroughput", database.StorageThroughput),
            ("multiAz", database.MultiAz),
            ("dbName", database.DatabaseName),
            ("username", database.MasterUsername),
            ("password", new SecretValue(Expr.Ref(SecretsBuilder.DatabasePassword, "result"))),
            ("dbSubnetGroupName", Expr.Ref("database-subnet-group", "name")),
            ("parameterGroupName", Expr.Ref("database-parameter-group", "name")),
            ("vpcSecurityGroupIds", new List<object> { Expr.Ref(NetworkBuilder.DatabaseSecurityGroup, "id") }),
            ("port", NetworkBuilder.DatabasePort),
            ("publiclyAccessible", false),
            ("storageEncrypted", true),
            ("kmsKeyId", ProgramContext.KeyArn(KeyService.Database)),
            ("backupRetentionPeriod", database.BackupRetentionDays),
            ("backupWindow", database.BackupWindow),
            ("maintenanceWindow", database.MaintenanceWindow),
            ("applyImmediately", context.Spec.UpdatePolicy.ApplyImmediately),
            ("enabledCloudwatchLogsExports", Exports(database)),
            ("autoMinorVersionUpgrade", true),
            ("deletionProtection", database.DeletionProtection),
            ("skipFinalSnapshot", database.SkipFinalSnapshot),
            ("finalSnapshotIdentifier", database.SkipFinalSnapshot ? null : $"{names.InstanceIdentifier}-final"),
            ("copyTagsToSnapshot", true),
            ("tags", context.Tags(names.InstanceIdentifier))),
            new ResourceOptions { DependsOn = logGroups, AdditionalSecretOutputs = ["password"] });

        context.Output(StackOutputNames.DatabaseWriter, Expr.Ref(Instance, "address"));
        context.Output(StackOutputNames.DatabaseReader, Expr.Ref(Instance, "address"));
        context.Output(StackOutputNames.DatabasePort, Expr.Ref(Instance, "port"));
        context.Output("databaseInstanceArn", Expr.Ref(Instance, "arn"));
    }

    private static List<object> Exports(DatabaseSpec database) =>
        database.LogExports.Distinct().Select(e => (object)ObservabilityBuilder.Wire(e)).ToList();

    private static List<object> Parameters(Dictionary<string, string> parameters) => parameters
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => (object)PropertyMap.Of(("name", p.Key), ("value", p.Value), ("applyMethod", "pending-reboot")))
        .ToList();

    private static string Storage(StorageType type) => type switch
    {
        StorageType.Gp2 => "gp2",
        StorageType.Io1 => "io1",
        StorageType.Io2 => "io2",
        _ => "gp3",
    };

    [GeneratedRegex(@"^\d+\.\d+")]
    private static partial Regex ExactVersion();
}
