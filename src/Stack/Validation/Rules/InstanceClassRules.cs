using System.Globalization;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>
/// The database instance class against the engine and version (db-instance-classes.json): for postgres the class must
/// be db.&lt;family&gt;.&lt;size&gt; of an RDS for PostgreSQL family that the major version still offers; for
/// aurora-postgresql the program runs db.serverless, which needs a Serverless v2 version. Regional gaps are warnings.
/// </summary>
internal sealed class InstanceClassRules : IValidationRule
{
    private const string ClassField = "spec.database.instanceClass";
    private const string VersionField = "spec.database.engineVersion";

    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var database = context.Spec.Database;
        var version = Version(database.EngineVersion);
        return context.IsAurora ? Serverless(version, database.EngineVersion, context.Spec.Region) : Postgres(context, database.InstanceClass, version);
    }

    private static IEnumerable<Violation> Postgres(ValidationContext context, string instanceClass, (int Major, int? Minor)? version)
    {
        var parts = instanceClass.Split('.');
        if (parts is not ["db", var family, var size] || !InstanceClassCatalog.Sizes.Contains(size))
        {
            yield return Violation.Error(ClassField, "dataplatform.database.instanceClass",
                $"'{instanceClass}' is not a DB instance class: write db.<family>.<size>, size one of {string.Join(", ", InstanceClassCatalog.Sizes)}; for example db.t4g.medium.");
            yield break;
        }

        var families = InstanceClassCatalog.PostgresFamilies;
        var current = families.Where(f => f.Value.MaxMajor is null).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        if (!families.TryGetValue($"db.{family}", out var limits))
        {
            yield return Violation.Error(ClassField, "dataplatform.database.instanceClass",
                $"db.{family} is not an RDS for PostgreSQL instance class family; use one of {string.Join(", ", current)}.");
            yield break;
        }

        if (limits.MaxMajor is { } max && version is { } v && v.Major > max)
        {
            yield return Violation.Error(ClassField, "dataplatform.database.instanceClass",
                $"{instanceClass} is a previous-generation class RDS offers only up to PostgreSQL {max}, not {v.Major} (CreateDBInstance answers 'RDS does not support creating a DB instance with the following combination'); use one of {string.Join(", ", current)}.");
        }

        foreach (var gap in InstanceClassCatalog.RegionalGaps.Where(g => g.Region == context.Spec.Region && instanceClass.StartsWith(g.ClassPrefix, StringComparison.Ordinal)))
        {
            yield return Violation.Warning(ClassField, "region.instanceClassAvailability",
                $"{instanceClass} may not be offered in {gap.Region} ({gap.Note}); the run fails if it is not.");
        }
    }

    private static IEnumerable<Violation> Serverless((int Major, int? Minor)? version, string text, string region)
    {
        if (version is not { } v)
        {
            yield break;
        }

        var minimums = InstanceClassCatalog.AuroraServerlessMinimum;
        var lowest = minimums.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).Min();
        if (v.Major < lowest)
        {
            yield return Violation.Error(VersionField, "dataplatform.database.serverlessVersion",
                $"aurora-postgresql {text} has no Serverless v2 (db.serverless, which the program uses); use major {lowest} or later, for example \"16\".");
        }
        else if (v.Minor is { } minor && Minimum(v.Major, region) is { } minimum
            && minor < int.Parse(minimum.Split('.')[1], CultureInfo.InvariantCulture))
        {
            yield return Violation.Error(VersionField, "dataplatform.database.serverlessVersion",
                $"aurora-postgresql {text} has no Serverless v2 (db.serverless) in {region}; Serverless v2 starts there at {minimum} for major {v.Major}. Use {minimum} or later, or the major \"{v.Major}\".");
        }
    }

    private static string? Minimum(int major, string region)
    {
        var key = major.ToString(CultureInfo.InvariantCulture);
        return InstanceClassCatalog.AuroraServerlessRegionalMinimum.TryGetValue(region, out var regional) && regional.TryGetValue(key, out var higher)
            ? higher
            : InstanceClassCatalog.AuroraServerlessMinimum.GetValueOrDefault(key);
    }

    /// <summary>Major and minor of "16" or "16.4"; null when the text is no version (the engine version rule reports that).</summary>
    private static (int Major, int? Minor)? Version(string text)
    {
        var parts = text.Split('.');
        return parts.Length is 1 or 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            ? (major, parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? minor : null)
            : null;
    }
}
