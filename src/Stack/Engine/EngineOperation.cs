namespace DataPlatform.Stack.Engine;

/// <summary>What an engine run does.</summary>
public enum EngineOperation
{
    Up,
    Preview,
    Refresh,
    Destroy,
}
