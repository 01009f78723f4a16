namespace DataPlatform.Stack.Validation.Rules;

/// <summary>How the stack runs: retry bounds.</summary>
internal sealed class StackRules : IValidationRule
{
    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var retry = context.Spec.Stack.Retry;
        if (retry.BaseDelaySeconds > retry.MaxDelaySeconds)
        {
            yield return Violation.Error("spec.stack.retry.baseDelaySeconds", "dataplatform.stack.retry",
                $"baseDelaySeconds {retry.BaseDelaySeconds} is above maxDelaySeconds {retry.MaxDelaySeconds}.");
        }

        if (retry.MaxAttempts < 1)
        {
            yield return Violation.Error("spec.stack.retry.maxAttempts", "dataplatform.stack.retry", "maxAttempts must be at least 1.");
        }
    }
}
