using System.Reflection;
using System.Text.RegularExpressions;
using DataPlatform.Operator.Environments.Lifecycle;
using DataPlatform.Stack.Failures;

namespace DataPlatform.Operator.Tests.Environments.Lifecycle;

/// <summary>The typed values the lifecycle names agree with the failure table and with the CRD's reason rule.</summary>
public sealed class TypedValuesTests
{
    private static readonly Regex ReasonRule = new("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$", RegexOptions.None, TimeSpan.FromSeconds(1));

    [Fact]
    public void The_failure_classes_the_lifecycle_treats_specially_are_ones_the_table_produces()
    {
        var table = FailureClassifier.Default.Patterns.Select(p => p.Class).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(FailureClass.DeletionProtected.Value, table);
        Assert.Equal(FailureClass.Unknown, FailureClass.Of(FailureClassifier.Default.Classify(["something no pattern knows"])));
        Assert.Equal(FailureClass.DeletionProtected, FailureClass.Of(FailureClassifier.Default.Classify(
            ["api error InvalidParameterCombination: Cannot delete protected Cluster, please disable deletion protection and try again."])));
    }

    [Fact]
    public void Every_condition_and_event_reason_is_camel_case_as_the_crd_requires()
    {
        var reasons = Values<ConditionReason>().Select(r => r.Value)
            .Concat(Values<EventReason>().Select(r => r.Value))
            .Concat(Values<FailureClass>().Select(r => r.Value))
            .ToList();

        Assert.True(reasons.Count > 20);
        Assert.All(reasons, reason => Assert.Matches(ReasonRule, reason));
    }

    private static IEnumerable<T> Values<T>() =>
        typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(T)).Select(f => (T)f.GetValue(null)!);
}
