using System.Globalization;
using System.Text.RegularExpressions;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Program;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>
/// PostgreSQL on both engines: master user name (format, reserved words), database name, engine version (format,
/// retired pins, what resolves at deploy time), Serverless v2 capacity and auto-pause, storage, backup retention,
/// windows and log exports.
/// </summary>
internal sealed partial class DatabaseRules : IValidationRule
{
    private const string Db = "spec.database";

    private static readonly string[] ReservedWords =
        ["admin", "rdsadmin", "user", "public", "none", "current_user", "session_user", "current_role", "all", "select", "table", "grant", "default"];

    /// <summary>Exact pins AWS has retired (validation-facts.json engineVersions evidence); they fail with "Cannot find version".</summary>
    private static readonly Dictionary<string, string[]> RetiredVersions = new(StringComparer.Ordinal)
    {
        ["postgres"] = ["14.9", "15.4"],
        ["aurora-postgresql"] = ["15.4"],
    };

    /// <summary>The first minor of each major whose Serverless v2 can scale to 0 ACU (aurora.serverlessV2.autoPauseVersions).</summary>
    private static readonly Dictionary<int, int> AutoPauseMinimumMinor = new() { [13] = 15, [14] = 12, [15] = 7, [16] = 3, [17] = 4 };

    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var database = context.Spec.Database;
        return Username(context, database)
            .Concat(DatabaseName(database))
            .Concat(EngineVersion(context, database))
            .Concat(context.IsAurora ? Serverless(database) : [])
            .Concat(context.IsAurora ? IgnoredOnAurora(database) : Storage(database))
            .Concat(Backups(context, database))
            .Concat(LogExports(context, database));
    }

    private static IEnumerable<Violation> Username(ValidationContext context, DatabaseSpec database)
    {
        var field = $"{Db}.masterUsername";
        var user = database.MasterUsername;
        var engine = DatabaseBuilder.EngineName(database.Engine);
        if (user.Length is < 1 or > 16 || !UserPattern().IsMatch(user))
        {
            yield return Violation.Error(field, context.IsAurora ? "rds.masterUsername.format.cluster" : "rds.masterUsername.format.instance",
                $"'{user}' is not a valid master user name: 1 to 16 characters, a letter first, then letters, digits or underscores; for example 'dbadmin'.");
        }

        var lower = user.ToLowerInvariant();
        if (ReservedWords.Contains(lower))
        {
            var rule = lower switch
            {
                "admin" => "rds.masterUsername.reserved.admin",
                "rdsadmin" => "rds.masterUsername.reserved.rdsadmin",
                "user" => "rds.masterUsername.reserved.user",
                _ => "rds.masterUsername.reserved.postgresKeywords",
            };
            yield return Violation.Error(field, rule,
                $"'{user}' is a reserved word on {engine} (AWS answers 'MasterUsername {user} cannot be used as it is a reserved word used by the engine'); use a name such as 'dbadmin'.");
        }

        if (lower.StartsWith("pg_", StringComparison.Ordinal))
        {
            yield return Violation.Error(field, "rds.masterUsername.reserved.pgPrefix",
                $"'{user}' starts with 'pg_', which PostgreSQL reserves for built-in roles; use a name such as 'dbadmin'.");
        }
    }

    private static IEnumerable<Violation> DatabaseName(DatabaseSpec database)
    {
        if (database.DatabaseName.Length is < 1 or > 63 || !UserPattern().IsMatch(database.DatabaseName))
        {
            yield return Violation.Error($"{Db}.databaseName", "rds.databaseName.format",
                $"'{database.DatabaseName}' is not a valid database name: 1 to 63 characters, a letter first, then letters, digits or underscores; for example 'analytics'.");
        }
    }

    private static IEnumerable<Violation> EngineVersion(ValidationContext context, DatabaseSpec database)
    {
        var field = $"{Db}.engineVersion";
        var engine = DatabaseBuilder.EngineName(database.Engine);
        var match = VersionPattern().Match(database.EngineVersion);
        if (!match.Success)
        {
            yield return Violation.Error(field, "rds.engineVersion.format",
                $"'{database.EngineVersion}' is not a PostgreSQL version: give a major such as \"16\" (resolved per region) or an exact version such as \"16.4\".");
            yield break;
        }

        if (RetiredVersions.TryGetValue(engine, out var retired) && retired.Contains(database.EngineVersion))
        {
            yield return Violation.Error(field, "rds.engineVersion.retired",
                $"{engine} {database.EngineVersion} has been retired by AWS and is no longer offered (CreateDB fails with 'Cannot find version {database.EngineVersion}'); set the major \"{match.Groups["major"].Value}\" and let the operator resolve the newest minor for {context.Spec.Region}.");
        }
        else if (match.Groups["minor"].Success)
        {
            yield return Violation.Warning(field, "rds.engineVersion.pinned",
                $"{engine} {database.EngineVersion} is pinned; minor versions differ by region and are retired over time, so the run fails if {context.Spec.Region} does not offer it. Prefer the major \"{match.Groups["major"].Value}\".");
        }

        if (context.IsAurora)
        {
            yield return Violation.Warning(field, "aurora.serverlessV2.versionSupport",
                $"Whether aurora-postgresql {database.EngineVersion} offers Serverless v2 (db.serverless) in {context.Spec.Region} is resolved at deploy time.");
        }
    }

    private static IEnumerable<Violation> Serverless(DatabaseSpec database)
    {
        var field = $"{Db}.serverless";
        var s = database.Serverless;
        if (s.MinCapacity % 0.5 != 0 || s.MaxCapacity % 0.5 != 0)
        {
            yield return Violation.Error(field, "aurora.serverlessV2.step",
                $"Capacity goes in steps of 0.5 ACU (0.5, 1, 1.5, ...); {s.MinCapacity}..{s.MaxCapacity} is not.");
        }

        if (s.MinCapacity is > 0 and < 0.5 || s.MinCapacity < 0)
        {
            yield return Violation.Error($"{field}.minCapacity", "aurora.serverlessV2.minCapacity", $"minCapacity {s.MinCapacity} is below 0.5; use 0.5, or 0 to pause when idle.");
        }

        if (s.MaxCapacity is < 1 or > 256)
        {
            yield return Violation.Error($"{field}.maxCapacity", "aurora.serverlessV2.maxCapacity", $"maxCapacity {s.MaxCapacity} is outside 1 to 256 ACU.");
        }
        else if (s.MaxCapacity > 128)
        {
            yield return Violation.Warning($"{field}.maxCapacity", "aurora.serverlessV2.maxCapacity",
                $"maxCapacity {s.MaxCapacity} needs a recent engine version; older versions stop at 128 ACU (resolved at deploy time).");
        }

        if (s.MinCapacity > s.MaxCapacity)
        {
            yield return Violation.Error($"{field}.minCapacity", "aurora.serverlessV2.minCapacity", $"minCapacity {s.MinCapacity} is above maxCapacity {s.MaxCapacity}.");
        }

        if (s.SecondsUntilAutoPause is { } seconds)
        {
            if (s.MinCapacity != 0)
            {
                yield return Violation.Error($"{field}.secondsUntilAutoPause", "aurora.serverlessV2.secondsUntilAutoPause",
                    "secondsUntilAutoPause can only be set when minCapacity is 0; remove it or set minCapacity to 0.");
            }

            if (seconds is < 300 or > 86400)
            {
                yield return Violation.Error($"{field}.secondsUntilAutoPause", "aurora.serverlessV2.secondsUntilAutoPause", $"secondsUntilAutoPause {seconds} is outside 300 to 86400.");
            }
        }

        if (s.MinCapacity == 0)
        {
            var version = VersionPattern().Match(database.EngineVersion);
            if (version.Success && int.TryParse(version.Groups["major"].Value, CultureInfo.InvariantCulture, out var major))
            {
                var minimum = AutoPauseMinimumMinor.GetValueOrDefault(major, major > 17 ? 0 : int.MaxValue);
                if (minimum == int.MaxValue)
                {
                    yield return Violation.Error($"{field}.minCapacity", "aurora.serverlessV2.autoPauseVersions",
                        $"Scaling to 0 ACU needs Aurora PostgreSQL 13.15, 14.12, 15.7, 16.3, 17.4 or later; {major} has no such version. Set minCapacity to 0.5.");
                }
                else if (version.Groups["minor"].Success && int.Parse(version.Groups["minor"].Value, CultureInfo.InvariantCulture) < minimum)
                {
                    yield return Violation.Error($"{field}.minCapacity", "aurora.serverlessV2.autoPauseVersions",
                        $"Scaling to 0 ACU needs {major}.{minimum} or later; {database.EngineVersion} is older. Set minCapacity to 0.5 or pin {major}.{minimum}+.");
                }
            }
        }
    }

    private static IEnumerable<Violation> Storage(DatabaseSpec database)
    {
        var (min, max) = database.StorageType is StorageType.Io1 or StorageType.Io2 ? (100, 65536) : (20, 65536);
        var type = database.StorageType.ToString().ToLowerInvariant();
        if (database.AllocatedStorage < min || database.AllocatedStorage > max)
        {
            yield return Violation.Error($"{Db}.allocatedStorage", "rds.allocatedStorage.postgres",
                $"{database.AllocatedStorage} GiB is outside {min} to {max} GiB for {type}.");
        }

        if (database.StorageType == StorageType.Gp3 && database.AllocatedStorage < 400)
        {
            if (database.Iops is not null)
            {
                yield return Violation.Error($"{Db}.iops", "rds.gp3.iopsThroughputThreshold",
                    $"gp3 below 400 GiB has a fixed 3000 IOPS baseline and iops must not be set (AWS: 'You can't specify IOPS or storage throughput for engine postgres and a storage size less than 400'); remove iops or allocate 400 GiB or more.");
            }

            if (database.StorageThroughput is not null)
            {
                yield return Violation.Error($"{Db}.storageThroughput", "rds.gp3.iopsThroughputThreshold",
                    "gp3 below 400 GiB has a fixed 125 MiB/s baseline and storageThroughput must not be set; remove it or allocate 400 GiB or more.");
            }
        }

        if (database.StorageType is StorageType.Io1 or StorageType.Io2)
        {
            if (database.Iops is not { } iops)
            {
                yield return Violation.Error($"{Db}.iops", "rds.iops.ratio", $"{type} needs iops, between 0.5 and 50 times allocatedStorage.");
            }
            else if (iops < database.AllocatedStorage * 0.5 || iops > database.AllocatedStorage * 50)
            {
                yield return Violation.Error($"{Db}.iops", "rds.iops.ratio",
                    $"iops {iops} must be between 0.5 and 50 times allocatedStorage ({database.AllocatedStorage * 0.5:0} to {database.AllocatedStorage * 50}).");
            }

            if (database.StorageThroughput is not null)
            {
                yield return Violation.Error($"{Db}.storageThroughput", "rds.storageType.enum", $"storageThroughput applies to gp3 only, not {type}.");
            }
        }

        if (database.StorageType == StorageType.Gp2 && (database.Iops is not null || database.StorageThroughput is not null))
        {
            yield return Violation.Error($"{Db}.iops", "rds.storageType.enum", "gp2 takes neither iops nor storageThroughput; use gp3 from 400 GiB, or io1/io2.");
        }
    }

    private static IEnumerable<Violation> IgnoredOnAurora(DatabaseSpec database)
    {
        if (database.Iops is not null || database.StorageThroughput is not null)
        {
            yield return Violation.Warning($"{Db}.iops", "dataplatform.database.ignoredOnAurora",
                "iops and storageThroughput apply to engine postgres only; Aurora storage scales by itself and ignores them.");
        }
    }

    private static IEnumerable<Violation> Backups(ValidationContext context, DatabaseSpec database)
    {
        var (min, rule) = context.IsAurora ? (1, "rds.backupRetention.cluster") : (0, "rds.backupRetention.instance");
        if (database.BackupRetentionDays < min || database.BackupRetentionDays > 35)
        {
            yield return Violation.Error($"{Db}.backupRetentionDays", rule,
                $"{database.BackupRetentionDays} days is outside {min} to 35 for {DatabaseBuilder.EngineName(database.Engine)}{(context.IsAurora ? " (Aurora backups cannot be turned off)" : "")}.");
        }

        var backup = MaintenanceWindows.Daily(database.BackupWindow);
        var maintenance = MaintenanceWindows.Weekly(database.MaintenanceWindow);
        if (backup is null)
        {
            yield return Violation.Error($"{Db}.backupWindow", "rds.backupWindow.format", $"'{database.BackupWindow}' is not hh24:mi-hh24:mi in UTC; for example '03:00-04:00'.");
        }
        else if (backup.Value.Length < 30)
        {
            yield return Violation.Error($"{Db}.backupWindow", "rds.backupWindow.format", $"'{database.BackupWindow}' is {backup.Value.Length} minutes; the backup window must be at least 30 minutes.");
        }

        if (maintenance is null)
        {
            yield return Violation.Error($"{Db}.maintenanceWindow", "rds.maintenanceWindow.format", $"'{database.MaintenanceWindow}' is not ddd:hh24:mi-ddd:hh24:mi in UTC; for example 'sun:05:00-sun:06:00'.");
        }
        else if (maintenance.Value.Length < 30)
        {
            yield return Violation.Error($"{Db}.maintenanceWindow", "rds.maintenanceWindow.format", $"'{database.MaintenanceWindow}' is {maintenance.Value.Length} minutes; the maintenance window must be at least 30 minutes.");
        }

        if (backup is { Length: >= 30 } b && maintenance is { Length: >= 30 } m && MaintenanceWindows.Overlap(b, m))
        {
            yield return Violation.Error($"{Db}.backupWindow", "rds.backupWindow.format",
                $"The backup window {database.BackupWindow} overlaps the maintenance window {database.MaintenanceWindow}; AWS requires them apart.");
        }
    }

    private static IEnumerable<Violation> LogExports(ValidationContext context, DatabaseSpec database)
    {
        var invalid = context.IsAurora ? LogExport.Upgrade : LogExport.Instance;
        if (database.LogExports.Contains(invalid))
        {
            yield return Violation.Error($"{Db}.logExports", context.IsAurora ? "rds.logExports.auroraPostgres" : "rds.logExports.postgres",
                context.IsAurora
                    ? "'upgrade' is not a log type of aurora-postgresql; use postgresql, instance or iam-db-auth-error."
                    : "'instance' is not a log type of postgres; use postgresql, upgrade or iam-db-auth-error.");
        }

        if (database.LogExports.Count != database.LogExports.Distinct().Count())
        {
            yield return Violation.Error($"{Db}.logExports", "dataplatform.database.logExportsUnique", "Each log type may be listed once.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"^(?<major>1[1-9]|[2-9][0-9])(\.(?<minor>[0-9]+))?(\.[0-9]+)?$")]
    private static partial Regex VersionPattern();
}
