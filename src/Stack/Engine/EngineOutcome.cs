namespace DataPlatform.Stack.Engine;

/// <summary>How an engine run ended.</summary>
public enum EngineOutcome
{
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
}
