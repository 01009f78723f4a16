using Microsoft.Extensions.Options;

namespace DataPlatform.Operator.Environments.Progress;

/// <summary>Refuses progress settings that would write status without bound or never, naming the setting.</summary>
internal sealed class ProgressOptionsValidator : IValidateOptions<ProgressOptions>
{
    public ValidateOptionsResult Validate(string? name, ProgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.StatusWriteInterval < TimeSpan.FromSeconds(1) || options.StatusWriteInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{ProgressOptions.Section}:StatusWriteInterval must be from 00:00:01 to 01:00:00 (one status write per interval); it is {options.StatusWriteInterval}.");
        }

        if (options.HeartbeatInterval < options.StatusWriteInterval)
        {
            errors.Add($"{ProgressOptions.Section}:HeartbeatInterval must be at least StatusWriteInterval ({options.StatusWriteInterval}); it is {options.HeartbeatInterval}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
