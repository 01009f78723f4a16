using DataPlatform.Stack.Failures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Stack.Tests.Failures;

/// <summary>Failures:Patterns from configuration: ahead of the built-in table, replacing by id, validated at start.</summary>
public sealed class ConfiguredPatternsTests
{
    private const string Combination = "creating RDS DB Instance (prod-db): operation error RDS: CreateDBInstance, https response error StatusCode: 400, api error InvalidParameterCombination: RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t4g.medium, Engine=postgres, EngineVersion=16.4, LicenseModel=postgresql-license.";

    [Fact]
    public void Configured_pattern_is_tried_before_the_built_in_table()
    {
        using var provider = Provider(Entry(0, "team.rdsCombinationRetry", "RDS does not support creating a DB instance", "PlatformRetry", "Transient"));

        var failure = provider.GetRequiredService<FailureClassifier>().Classify([Combination]);

        Assert.Equal(("PlatformRetry", FailureOutcome.Transient, "team.rdsCombinationRetry"), (failure.Class, failure.Outcome, failure.PatternId));
        Assert.Equal(FailureOutcome.Terminal, FailureClassifier.Default.Classify([Combination]).Outcome);
    }

    [Fact]
    public void Configured_entry_with_a_built_in_id_replaces_that_entry()
    {
        var classifier = FailureClassifier.WithConfigured([new FailurePattern("iam.deleteConflict", @"\bDeleteConflict\b", "PoliciesAttached", FailureOutcome.Terminal, null)]);

        var failure = classifier.Classify(["DeleteConflict: Cannot delete entity, must detach all policies first."]);

        Assert.Equal(("PoliciesAttached", FailureOutcome.Terminal), (failure.Class, failure.Outcome));
        Assert.Equal(FailureClassifier.BuiltIn.Count, classifier.Patterns.Count);
        Assert.Single(classifier.Patterns, p => p.Id == "iam.deleteConflict");
    }

    [Fact]
    public void Without_configuration_the_classifier_is_the_built_in_table()
    {
        using var provider = Provider([]);

        Assert.Equal(FailureClassifier.BuiltIn.Select(p => p.Id), provider.GetRequiredService<FailureClassifier>().Patterns.Select(p => p.Id));
    }

    [Fact]
    public void A_bad_regular_expression_is_refused_at_start_naming_the_entry()
    {
        using var provider = Provider(
            Entry(0, "team.ok", "Rate exceeded", "TeamThrottle", "Transient")
                .Concat(Entry(1, "team.broken", "Cannot find version (\\S+", "TeamVersion", "Terminal")));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FailureOptions>>().Value);

        Assert.Contains("Failures:Patterns:1 (id 'team.broken'): pattern is not a valid .NET regular expression", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("team.ok", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_id_duplicate_id_and_a_class_that_is_no_condition_reason_are_refused()
    {
        var result = new FailureOptionsValidator().Validate(null, new FailureOptions
        {
            Patterns =
            [
                new() { Id = "", Pattern = "x", Class = "Ok" },
                new() { Id = "team.a", Pattern = "x", Class = "Ok" },
                new() { Id = "team.a", Pattern = "y", Class = "not-camel" },
                new() { Id = "team.b", Pattern = "", Class = "Ok", Outcome = "7" },
            ],
        });

        Assert.True(result.Failed);
        Assert.Contains("Failures:Patterns:0: id is required.", result.Failures!);
        Assert.Contains(result.Failures!, f => f.StartsWith("Failures:Patterns:2 (id 'team.a'): id is used by an earlier entry", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Failures:Patterns:2 (id 'team.a'): class 'not-camel' must be CamelCase", StringComparison.Ordinal));
        Assert.Contains("Failures:Patterns:3 (id 'team.b'): pattern is not a valid .NET regular expression: the pattern is empty.", result.Failures!);
        Assert.Contains("Failures:Patterns:3 (id 'team.b'): outcome '7' must be one of Transient, Terminal, Unknown.", result.Failures!);
    }

    [Fact]
    public void An_unknown_outcome_name_in_configuration_is_refused_at_start()
    {
        using var provider = Provider(Entry(0, "team.x", "x", "TeamX", "Sometimes"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FailureOptions>>().Value);

        Assert.Contains("Failures:Patterns:0 (id 'team.x'): outcome 'Sometimes' must be one of Transient, Terminal, Unknown.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classifier_refuses_a_pattern_that_does_not_compile()
    {
        var error = Assert.Throws<ArgumentException>(() => new FailureClassifier([new FailurePattern("p.bad", "[", "Bad", FailureOutcome.Terminal, null)]));

        Assert.Contains("'p.bad'", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<KeyValuePair<string, string?>> Entry(int index, string id, string pattern, string cls, string outcome) =>
    [
        new($"Failures:Patterns:{index}:Id", id),
        new($"Failures:Patterns:{index}:Pattern", pattern),
        new($"Failures:Patterns:{index}:Class", cls),
        new($"Failures:Patterns:{index}:Outcome", outcome),
    ];

    private static ServiceProvider Provider(IEnumerable<KeyValuePair<string, string?>> settings) => new ServiceCollection()
        .AddLogging()
        .AddDataPlatformStack(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();
}
