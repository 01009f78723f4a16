namespace DataPlatform.Operator.Cli;

/// <summary>Why an input was not read: unreadable (missing, no permission: exit 2) or refused (too large: invalid, exit 1).</summary>
internal sealed record InputReadFailure(bool Unreadable, string Message);
