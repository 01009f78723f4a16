using DataPlatform.Entities;
using DataPlatform.Stack.Validation.Rules;

namespace DataPlatform.Stack.Validation;

/// <summary>
/// Checks a whole environment before any AWS call: every rule family runs and every finding comes back at once,
/// each naming the field to change. The controller, the admission webhook and the validate and plan verbs all
/// call this one validator.
/// </summary>
public static class PreflightValidator
{
    private static readonly IValidationRule[] Rules =
    [
        new NamingRules(),
        new NetworkRules(),
        new EncryptionRules(),
        new StreamingRules(),
        new DatabaseRules(),
        new InstanceClassRules(),
        new CacheRules(),
        new ParameterNameRules(),
        new LoggingRules(),
        new TagRules(),
        new PipelineRules(),
        new StackRules(),
        new EngineRules(),
    ];

    public static ValidationReport Validate(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var context = new ValidationContext(environment);
        var violations = Rules
            .SelectMany(rule => rule.Check(context))
            .Distinct()
            .OrderBy(v => v.Severity)
            .ThenBy(v => v.Field, StringComparer.Ordinal)
            .ThenBy(v => v.Rule, StringComparer.Ordinal)
            .ToList();
        return new ValidationReport(violations);
    }
}
