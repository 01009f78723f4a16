using System.Text.Json.Nodes;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Validation;

public sealed class PreflightValidatorTests
{
    public static TheoryData<string> InvalidCases() => new(ValidationCorpus.Invalid.Select(c => (string)c["name"]!));

    public static TheoryData<string> ValidCases() => new(ValidationCorpus.Valid.Select(c => (string)c["name"]!));

    [Fact]
    public void Corpus_has_at_least_60_invalid_and_20_valid_cases()
    {
        Assert.True(ValidationCorpus.Invalid.Count() >= 60);
        Assert.True(ValidationCorpus.Valid.Count() >= 20);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_spec_is_reported_on_its_field_with_its_rule(string name)
    {
        var expected = ValidationCorpus.Case(name);
        var report = Validate(name);

        Assert.False(report.IsValid, $"{name}: no error reported");
        Assert.Contains(report.Errors, v => v.Field == (string?)expected["field"] && v.Rule == (string?)expected["rule"]);
        Assert.All(report.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Edge_case_at_the_limit_is_valid(string name)
    {
        var report = Validate(name);

        Assert.True(report.IsValid, string.Join("\n", report.Errors));
    }

    [Theory]
    [InlineData("minimal.yaml")]
    [InlineData("full.yaml")]
    public void Samples_are_valid(string sample)
    {
        var environment = EnvironmentReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "samples", sample))).Environment!;

        Assert.Empty(PreflightValidator.Validate(environment).Errors);
    }

    [Fact]
    public void Every_finding_comes_back_at_once()
    {
        var environment = EnvironmentReader.Read(ValidationCorpus.Manifest("admin is reserved")).Environment!;
        environment.Spec.Cache.NumCacheClusters = 1;
        environment.Spec.Logging.RetentionDays = 45;
        environment.Spec.Region = "eu-west-9";

        var rules = PreflightValidator.Validate(environment).Errors.Select(e => e.Rule).ToHashSet();

        Assert.Superset(new HashSet<string> { "rds.masterUsername.reserved.admin", "elasticache.automaticFailover", "logs.logGroup.retention", "region.known" }, rules);
    }

    [Fact]
    public void Deploy_time_checks_become_warnings()
    {
        var report = Validate("postgres is an allowed username");

        Assert.Contains(report.Warnings, w => w.Rule == "aurora.serverlessV2.versionSupport" && w.Message.Contains("deploy time", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Rule == "region.instanceClassAvailability");
    }

    [Fact]
    public void Exact_pin_is_a_warning_and_opt_in_region_is_a_warning()
    {
        var environment = EnvironmentReader.Read(ValidationCorpus.Manifest("scale to zero on 16.3")).Environment!;
        environment.Spec.Region = "eu-south-2";

        var report = PreflightValidator.Validate(environment);

        Assert.True(report.IsValid);
        Assert.Contains(report.Warnings, w => w.Rule == "rds.engineVersion.pinned");
        Assert.Contains(report.Warnings, w => w.Rule == "region.optIn" && w.Field == "spec.region");
    }

    [Fact]
    public void Region_catalog_matches_the_validation_facts()
    {
        var facts = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("aws", "validation-facts.json")))!["regions"]!.AsArray();

        Assert.Equal(facts.Count, RegionCatalog.Regions.Count);
        foreach (var region in facts)
        {
            var ours = RegionCatalog.Regions[(string)region!["code"]!];
            Assert.Equal((int)region["azCountCatalog"]!, ours.AzCount);
            Assert.Equal((bool)region["optIn"]!, ours.OptIn);
        }
    }

    [Fact]
    public void Rule_ids_name_validation_facts_entries_or_our_own_namespace()
    {
        var facts = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("aws", "validation-facts.json")))!["rules"]!.AsArray()
            .Select(r => (string)r!["id"]!).ToHashSet();

        foreach (var rule in ValidationCorpus.Invalid.Select(c => (string)c["rule"]!).Distinct())
        {
            Assert.True(facts.Contains(rule) || rule.StartsWith("dataplatform.", StringComparison.Ordinal) || rule is "region.known" or "ec2.vpc.cidr"
                || rule.StartsWith("rds.engineVersion.", StringComparison.Ordinal) || rule == "rds.databaseName.format", $"{rule} is neither a validation-facts id nor ours");
        }
    }

    [Theory]
    [InlineData("ap-northeast-1", 4, true)]
    [InlineData("ap-northeast-1", 3, false)]
    [InlineData("sa-east-1", 3, true)]
    [InlineData("eu-west-1", 3, false)]
    public void Az_count_above_what_every_account_can_use_is_a_warning(string region, int azCount, bool warned)
    {
        var environment = EnvironmentReader.Read($"{{\"apiVersion\": \"dataplatform.io/v1alpha1\", \"kind\": \"DataPlatformEnvironment\", \"metadata\": {{\"name\": \"env\", \"namespace\": \"team\"}}, \"spec\": {{\"region\": \"{region}\", \"network\": {{\"azCount\": {azCount}}}}}}}").Environment!;

        var report = PreflightValidator.Validate(environment);

        Assert.DoesNotContain(report.Errors, e => e.Field == "spec.network.azCount");
        Assert.Equal(warned, report.Warnings.Any(w => w.Field == "spec.network.azCount" && w.Rule == "region.azCount" && w.Message.Contains("not every account", StringComparison.Ordinal)));
    }

    [Fact]
    public void Instance_class_error_lists_the_families_to_use()
    {
        var error = Validate("previous-generation class on postgres 16").Errors.Single(e => e.Field == "spec.database.instanceClass");

        Assert.Contains("up to PostgreSQL 12, not 16", error.Message, StringComparison.Ordinal);
        Assert.Contains("db.t4g", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("db.t2,", error.Message, StringComparison.Ordinal);
    }

    private static ValidationReport Validate(string name)
    {
        var read = EnvironmentReader.Read(ValidationCorpus.Manifest(name));
        Assert.True(read.Environment is not null, $"{name}: {read.Error}");
        return PreflightValidator.Validate(read.Environment!);
    }
}
