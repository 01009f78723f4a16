namespace DataPlatform.Operator.Runtime;

/// <summary>Lease-based leader election (client-go's defaults).</summary>
public sealed class LeaderElectionOptions
{
    public bool Enabled { get; set; } = true;

    public string LeaseName { get; set; } = "dataplatform-operator-leader";

    /// <summary>The Lease's namespace; defaults to the pod's (POD_NAMESPACE) or "default".</summary>
    public string? LeaseNamespace { get; set; }

    /// <summary>This instance's identity; defaults to the host name.</summary>
    public string? Identity { get; set; }

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);
}
