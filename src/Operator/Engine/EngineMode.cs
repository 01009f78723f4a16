namespace DataPlatform.Operator.Engine;

/// <summary>Where engine runs execute (DESIGN.md section 10).</summary>
public enum EngineMode
{
    /// <summary>The Pulumi CLI runs as a child of the operator, capped by a memory budget (development, small installs).</summary>
    InProcess,

    /// <summary>Each engine operation runs as a Kubernetes Job in the operator's namespace (the chart's default).</summary>
    Job,
}
