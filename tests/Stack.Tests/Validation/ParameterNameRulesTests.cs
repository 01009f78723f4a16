using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Stack.Tests.Validation;

/// <summary>Parameter names against the parameter group family: unknown names are errors that name the parameter.</summary>
public sealed class ParameterNameRulesTests
{
    private const string Rule = "parameterGroup.parameterName";

    [Theory]
    [InlineData("postgres", "16", "log_min_duration_statement")]
    [InlineData("postgres", "16", "shared_preload_libraries")]
    [InlineData("postgres", "13.4", "rds.force_ssl")]
    [InlineData("postgres", "17", "pg_stat_statements.track")]
    [InlineData("postgres", "15", "DateStyle")]
    [InlineData("postgres", "16", "idle_session_timeout")]
    [InlineData("aurora-postgresql", "16", "apg_ccm_enabled")]
    [InlineData("aurora-postgresql", "15", "work_mem")]
    [InlineData("aurora-postgresql", "17", "pgaudit.log")]
    public void Documented_database_parameters_pass(string engine, string version, string name)
    {
        var violations = Check(Database(engine, version, name));

        Assert.DoesNotContain(violations, v => v.Rule == Rule);
    }

    [Theory]
    [InlineData("postgres", "16", "log_min_duration_statment", "log_min_duration_statement")]
    [InlineData("postgres", "15", "character_set_server", null)]
    [InlineData("aurora-postgresql", "16", "max_conections", "max_connections")]
    public void Unknown_database_parameter_is_an_error_naming_it(string engine, string version, string name, string? suggestion)
    {
        var error = Assert.Single(Check(Database(engine, version, name)), v => v.Rule == Rule);

        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal($"spec.database.parameters.{name}", error.Field);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Could not find parameter with name", error.Message, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains($"Did you mean '{suggestion}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Aurora_parameter_on_rds_postgres_is_an_error_naming_the_engine()
    {
        var error = Assert.Single(Check(Database("postgres", "16", "apg_ccm_enabled")), v => v.Rule == Rule);

        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("aurora-postgresql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_added_after_a_major_is_refused_for_that_major()
    {
        // transaction_timeout arrived in PostgreSQL 17; 13 to 16 do not have it, and 16 takes the union of 15 and 17.
        Assert.Contains(Check(Database("postgres", "15", "transaction_timeout")), v => v.Rule == Rule && v.Severity == Severity.Error);
        Assert.DoesNotContain(Check(Database("postgres", "17", "transaction_timeout")), v => v.Rule == Rule);
    }

    [Fact]
    public void Unlisted_name_under_an_aws_prefix_is_a_warning_because_the_data_ages()
    {
        var finding = Assert.Single(Check(Database("postgres", "16", "rds.some_future_setting")), v => v.Rule == Rule);

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("spec.database.parameters.rds.some_future_setting", finding.Field);
    }

    [Fact]
    public void Major_without_data_only_warns()
    {
        var finding = Assert.Single(Check(Database("postgres", "12", "anything_at_all")), v => v.Rule == Rule);

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("7.1", "maxmemory-policy")]
    [InlineData("7.1", "cluster-allow-pubsub-shard-when-down")]
    [InlineData("7.1", "reserved-memory-percent")]
    [InlineData("6.2", "acl-pubsub-default")]
    [InlineData("6.2", "notify-keyspace-events")]
    public void Documented_cache_parameters_pass(string version, string name)
    {
        Assert.DoesNotContain(Check(Cache(version, name)), v => v.Rule == Rule);
    }

    [Theory]
    [InlineData("7.1", "maxmemory-polcy", "maxmemory-policy")]
    [InlineData("7.1", "min-slaves-to-write", "min-replicas-to-write")]
    [InlineData("7.1", "hash-max-ziplist-entries", "hash-max-listpack-entries")]
    [InlineData("6.2", "latency-tracking", null)]
    public void Unknown_cache_parameter_is_an_error_naming_it(string version, string name, string? hint)
    {
        var error = Assert.Single(Check(Cache(version, name)), v => v.Rule == Rule);

        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal($"spec.cache.parameters.{name}", error.Field);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        if (hint is not null)
        {
            Assert.Contains($"'{hint}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Redis_setting_elasticache_does_not_document_is_a_warning()
    {
        // Open-source Redis 7 has list-max-listpack-size; the redis7 family as ElastiCache documents it does not.
        var finding = Assert.Single(Check(Cache("7.1", "list-max-listpack-size")), v => v.Rule == Rule);

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Catalog_covers_every_family_the_program_derives()
    {
        foreach (var version in new[] { "6.x", "6.2", "7.0", "7.1" })
        {
            var family = DataPlatform.Stack.Program.CacheBuilder.Family(new CacheSpec { EngineVersion = version });
            Assert.NotNull(ParameterNameCatalog.RedisFamily(family));
        }

        foreach (var major in new[] { 13, 14, 15, 16, 17, 18 })
        {
            Assert.NotNull(ParameterNameCatalog.Postgres(aurora: false, major));
            Assert.NotNull(ParameterNameCatalog.Postgres(aurora: true, major));
        }
    }

    private static List<Violation> Check(V1Alpha1DataPlatformEnvironment environment) => PreflightValidator.Validate(environment).Violations.ToList();

    private static V1Alpha1DataPlatformEnvironment Database(string engine, string version, string name)
    {
        var environment = Base();
        environment.Spec.Database.Engine = engine == "postgres" ? DatabaseEngine.Postgres : DatabaseEngine.AuroraPostgresql;
        environment.Spec.Database.EngineVersion = version;
        environment.Spec.Database.Parameters = new Dictionary<string, string> { [name] = "1" };
        return environment;
    }

    private static V1Alpha1DataPlatformEnvironment Cache(string version, string name)
    {
        var environment = Base();
        environment.Spec.Cache.EngineVersion = version;
        environment.Spec.Cache.Parameters = new Dictionary<string, string> { [name] = "1" };
        return environment;
    }

    private static V1Alpha1DataPlatformEnvironment Base() =>
        EnvironmentReader.Read("{apiVersion: dataplatform.io/v1alpha1, kind: DataPlatformEnvironment, metadata: {name: env, namespace: team}, spec: {region: eu-west-1}}").Environment!;
}
