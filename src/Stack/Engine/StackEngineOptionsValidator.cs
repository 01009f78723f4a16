using Microsoft.Extensions.Options;

namespace DataPlatform.Stack.Engine;

/// <summary>Checks the Engine section at start; each failure names the setting and the allowed values.</summary>
internal sealed class StackEngineOptionsValidator : IValidateOptions<StackEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, StackEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CliPath))
        {
            failures.Add("Engine:CliPath must name the pulumi executable.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkspaceRoot))
        {
            failures.Add("Engine:WorkspaceRoot must be a writable folder.");
        }

        if (options.RunTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Engine:RunTimeout must be positive. It is {options.RunTimeout}.");
        }

        if (options.CancelGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"Engine:CancelGracePeriod must not be negative. It is {options.CancelGracePeriod}.");
        }

        if (options.Parallel is < 1 or > 256)
        {
            failures.Add($"Engine:Parallel must be 1 to 256 when set. It is {options.Parallel}.");
        }

        if (options.DefaultBackendUrl is not null && !Uri.TryCreate(options.DefaultBackendUrl, UriKind.Absolute, out _))
        {
            failures.Add("Engine:DefaultBackendUrl must be a URL such as s3://bucket or file:///path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
