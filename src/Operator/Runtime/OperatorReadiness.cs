namespace DataPlatform.Operator.Runtime;

/// <summary>What /readyz reports: whether this instance leads and runs its controllers.</summary>
internal sealed class OperatorReadiness
{
    public volatile bool Leading;
}
