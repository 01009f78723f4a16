using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>Checks the Retry section at start; each failure names the setting and the allowed values.</summary>
internal sealed class RetryOptionsValidator : IValidateOptions<RetryOptions>
{
    public const int MaxUnknownFailureRetries = 100;

    public ValidateOptionsResult Validate(string? name, RetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.UnknownFailureRetries is < 0 or > MaxUnknownFailureRetries)
        {
            failures.Add($"Retry:UnknownFailureRetries must be 0 to {MaxUnknownFailureRetries}. It is {options.UnknownFailureRetries}.");
        }

        if (options.DeletionRecheck < TimeSpan.FromSeconds(1) || options.DeletionRecheck > TimeSpan.FromDays(1))
        {
            failures.Add($"Retry:DeletionRecheck must be 00:00:01 to 1.00:00:00. It is {options.DeletionRecheck}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
