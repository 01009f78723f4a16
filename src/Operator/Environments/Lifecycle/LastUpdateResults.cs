namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>Values of status.lastUpdate.result.</summary>
internal static class LastUpdateResults
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string InProgress = "InProgress";
}
