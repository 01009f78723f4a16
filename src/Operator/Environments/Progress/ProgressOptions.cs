namespace DataPlatform.Operator.Environments.Progress;

/// <summary>How engine-run progress reaches status (configuration section "Progress").</summary>
public sealed class ProgressOptions
{
    public const string Section = "Progress";

    /// <summary>Whether progress and component states are written while a run goes on; the final state is written either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>At most one progress write per environment per this interval (the write that starts a run counts).</summary>
    public TimeSpan StatusWriteInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// While a step is in flight and nothing else changes (a database can take 15 minutes), progress is written again
    /// after this long so the elapsed time stays current. Never less than <see cref="StatusWriteInterval"/>.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);
}
