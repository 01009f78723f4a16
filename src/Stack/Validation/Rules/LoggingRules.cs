namespace DataPlatform.Stack.Validation.Rules;

/// <summary>CloudWatch Logs accepts only certain retention values.</summary>
internal sealed class LoggingRules : IValidationRule
{
    public static readonly int[] RetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var days = context.Spec.Logging.RetentionDays;
        if (!RetentionDays.Contains(days))
        {
            var nearest = RetentionDays.MinBy(d => Math.Abs(d - days));
            yield return Violation.Error("spec.logging.retentionDays", "logs.logGroup.retention",
                $"{days} days is not a retention CloudWatch Logs accepts; the nearest is {nearest}. Allowed: {string.Join(", ", RetentionDays)}.");
        }
    }
}
