namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>Values of status.lastUpdate.result.</summary>
internal static class LastUpdateResults
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string InProgress = "InProgress";

    /// <summary>Previewed; the plan waits for approval and nothing was applied.</summary>
    public const string AwaitingApproval = "AwaitingApproval";
}
