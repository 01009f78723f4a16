using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>Values of status.lastUpdate.kind, named as Pulumi's history names its operations.</summary>
internal static class LastUpdateKind
{
    public const string Update = "update";
    public const string Refresh = "refresh";
    public const string Destroy = "destroy";
    public const string Preview = "preview";

    public static string Of(EngineOperation operation) => operation switch
    {
        EngineOperation.Up => Update,
        EngineOperation.Refresh => Refresh,
        EngineOperation.Destroy => Destroy,
        EngineOperation.Preview => Preview,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "not an engine operation"),
    };
}
