using DataPlatform.Entities;
using DataPlatform.Entities.Status;
using DataPlatform.Stack.Program;

namespace DataPlatform.Operator.Environments.Lifecycle;

/// <summary>
/// Records the engine version an update resolved (the databaseEngineVersion output) in status.pinnedVersions, so the
/// next updates reuse it instead of resolving the newest minor again (DESIGN.md section 11), together with the
/// dataplatform.io/upgrade-engine value that update acted on.
/// </summary>
internal static class VersionPins
{
    public const string DatabaseOutput = "databaseEngineVersion";

    public static void Record(StatusDraft draft, IReadOnlyDictionary<string, string> outputs)
    {
        if (!outputs.TryGetValue(DatabaseOutput, out var resolved) || !DatabaseBuilder.IsExactPin(resolved))
        {
            return;
        }

        var environment = draft.Environment;
        var pins = draft.Status.PinnedVersions ??= new PinnedVersions();
        pins.Database = resolved;
        pins.ObservedUpgradeRequest = environment.Metadata.Annotations is { } annotations
            && annotations.TryGetValue(V1Alpha1DataPlatformEnvironment.UpgradeEngineAnnotation, out var value) ? value : null;
    }
}
