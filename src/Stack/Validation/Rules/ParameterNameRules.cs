using System.Globalization;
using System.Text.RegularExpressions;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Program;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>
/// Parameter names against the parameter group family (parameter-names.json): AWS refuses a name its family lacks
/// with "InvalidParameterValue: Could not find parameter with name: ..." half-way through a run. A name the data
/// lacks but that may be newer than the data (an AWS or extension prefix, or a setting open-source Redis has) is a
/// warning; any other unknown name is an error naming the parameter, with the closest known names.
/// </summary>
internal sealed partial class ParameterNameRules : IValidationRule
{
    private const string Rule = "parameterGroup.parameterName";

    public IEnumerable<Violation> Check(ValidationContext context) => Database(context).Concat(Cache(context));

    private static IEnumerable<Violation> Database(ValidationContext context)
    {
        var database = context.Spec.Database;
        var major = Major().Match(database.EngineVersion);
        if (database.Parameters.Count == 0 || !major.Success)
        {
            yield break; // no parameters, or no version (the engine version rule reports that)
        }

        var number = int.Parse(major.Groups[1].Value, CultureInfo.InvariantCulture);
        var family = context.IsAurora ? $"aurora-postgresql{number}" : $"postgres{number}";
        var known = ParameterNameCatalog.Postgres(context.IsAurora, number);
        foreach (var name in database.Parameters.Keys.Order(StringComparer.Ordinal))
        {
            var field = $"spec.database.parameters.{name}";
            if (known is null)
            {
                yield return Violation.Warning(field, Rule, $"The parameter data has no {family} family, so '{name}' is checked only when AWS creates the parameter group.");
            }
            else if (known.Contains(name))
            {
                continue;
            }
            else if (!context.IsAurora && ParameterNameCatalog.Postgres(aurora: true, number)!.Contains(name))
            {
                yield return Violation.Error(field, Rule,
                    $"'{name}' is an Aurora PostgreSQL parameter; {family} (RDS for PostgreSQL) has no such parameter, and AWS would answer 'Could not find parameter with name: {name}'. Remove it, or use engine aurora-postgresql.");
            }
            else if (ParameterNameCatalog.PostgresWarnPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                yield return Violation.Warning(field, Rule,
                    $"'{name}' is not in the {family} parameters AWS documents; if AWS added it later the run succeeds, otherwise it fails with 'Could not find parameter with name: {name}'.{Suggestions.DidYouMean(name, known)}");
            }
            else
            {
                yield return Violation.Error(field, Rule,
                    $"'{name}' is not a parameter of the {family} parameter group family (PostgreSQL {number}'s settings and the parameters AWS documents for it); AWS would answer 'Could not find parameter with name: {name}'.{Suggestions.DidYouMean(name, known)}");
            }
        }
    }

    private static IEnumerable<Violation> Cache(ValidationContext context)
    {
        var cache = context.Spec.Cache;
        if (cache.Parameters.Count == 0)
        {
            yield break;
        }

        var family = cache.ParameterGroupFamily ?? CacheBuilder.Family(cache);
        var known = ParameterNameCatalog.RedisFamily(family);
        foreach (var name in cache.Parameters.Keys.Order(StringComparer.Ordinal))
        {
            var field = $"spec.cache.parameters.{name}";
            if (known is null)
            {
                yield return Violation.Warning(field, Rule, $"The parameter data has no {family} family, so '{name}' is checked only when AWS creates the parameter group.");
            }
            else if (known.Contains(name))
            {
                continue;
            }
            else if (ParameterNameCatalog.RedisRenamed.TryGetValue(name, out var renamed) && known.Contains(renamed))
            {
                yield return Violation.Error(field, Rule, $"'{name}' was renamed to '{renamed}' in Redis 5.0; the {family} family has only the new name.");
            }
            else if (ParameterNameCatalog.RedisFamiliesWith(name) is [_, ..] older)
            {
                yield return Violation.Error(field, Rule,
                    $"'{name}' belongs to {string.Join(", ", older)}; ElastiCache removed it from {family}, so AWS would answer 'Could not find parameter with name: {name}'.{Replacement(name, known)}");
            }
            else if (ParameterNameCatalog.RedisOss.Contains(name))
            {
                yield return Violation.Warning(field, Rule,
                    $"Redis has '{name}', but the {family} parameters ElastiCache documents do not; unless ElastiCache added it later, the run fails with 'Could not find parameter with name: {name}'.{Suggestions.DidYouMean(name, known)}");
            }
            else
            {
                yield return Violation.Error(field, Rule,
                    $"'{name}' is not a parameter of the ElastiCache {family} parameter group family; AWS would answer 'Could not find parameter with name: {name}'.{Suggestions.DidYouMean(name, known)}");
            }
        }
    }

    /// <summary>Redis 7 replaced the ziplist settings with listpack ones (ElastiCache's redis7 table: "Use listpack instead of ziplist").</summary>
    private static string Replacement(string name, System.Collections.Frozen.FrozenSet<string> known)
    {
        var listpack = name.Replace("ziplist", "listpack", StringComparison.Ordinal);
        return listpack != name && known.Contains(listpack) ? $" Redis 7 replaced it with '{listpack}'." : Suggestions.DidYouMean(name, known);
    }

    [GeneratedRegex(@"^([0-9]{1,3})(\.|$)")]
    private static partial Regex Major();
}
