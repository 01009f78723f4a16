using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Runtime;

/// <summary>Checks the Operator section at start; each failure names the setting and the allowed values.</summary>
internal sealed class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    public const int MaxWorkers = 256;

    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxConcurrentReconciles is < 1 or > MaxWorkers)
        {
            failures.Add($"Operator:MaxConcurrentReconciles must be 1 to {MaxWorkers}. It is {options.MaxConcurrentReconciles}.");
        }

        if (options.ResyncPeriod <= TimeSpan.Zero)
        {
            failures.Add($"Operator:ResyncPeriod must be positive. It is {options.ResyncPeriod}.");
        }

        if (options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"Operator:ShutdownTimeout must not be negative. It is {options.ShutdownTimeout}.");
        }

        if (options.MemoryTrimInterval < TimeSpan.Zero)
        {
            failures.Add($"Operator:MemoryTrimInterval must not be negative (zero turns trimming off). It is {options.MemoryTrimInterval}.");
        }

        foreach (var ns in options.WatchNamespaces.Where(n => n.Length is 0 or > 63))
        {
            failures.Add($"Operator:WatchNamespaces must hold namespace names of 1 to 63 characters. It holds '{ns}'.");
        }

        var election = options.LeaderElection;
        if (election.Enabled && election.RenewDeadline >= election.LeaseDuration)
        {
            failures.Add($"Operator:LeaderElection:RenewDeadline ({election.RenewDeadline}) must be shorter than LeaseDuration ({election.LeaseDuration}).");
        }

        if (election.Enabled && election.RetryPeriod >= election.RenewDeadline)
        {
            failures.Add($"Operator:LeaderElection:RetryPeriod ({election.RetryPeriod}) must be shorter than RenewDeadline ({election.RenewDeadline}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
