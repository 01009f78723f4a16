using DataPlatform.Operator.Engine.InProcess;
using DataPlatform.Operator.Engine.Jobs;

namespace DataPlatform.Operator.Engine;

/// <summary>Where engine runs execute and the settings of each mode (configuration section "Engine").</summary>
public sealed class EngineModeOptions
{
    public const string Section = "Engine";

    /// <summary>InProcess (the default of the binary, for development) or Job (the chart's default).</summary>
    public EngineMode Mode { get; set; } = EngineMode.InProcess;

    public InProcessEngineOptions InProcess { get; set; } = new();

    public JobEngineOptions Job { get; set; } = new();
}
