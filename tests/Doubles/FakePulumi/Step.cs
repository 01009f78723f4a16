using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// One step of an update or preview: the op (create, same, update, replace, delete), the resource, its new inputs
/// (fingerprint and per-property text), whether the program protects it, whether the state protects it, the changed
/// properties (diffs) and those of them that force a replacement (keys).
/// </summary>
internal sealed record Step(string Op, string Type, string Name, string Inputs)
{
    public JsonObject Properties { get; init; } = new();

    public bool Protect { get; init; }

    public bool WasProtected { get; init; }

    public IReadOnlyList<string> Diffs { get; init; } = [];

    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The real engine's error for a step that would delete a protected resource (step_generator.go, step.go), or null.</summary>
    public string? ProtectionError(string urn) => Op switch
    {
        "replace" when Protect && WasProtected =>
            $"unable to replace resource \"{urn}\"\nas it is currently marked for protection. To unprotect the resource, remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`",
        "delete" when WasProtected =>
            $"unable to delete resource \"{urn}\"\nas it is currently marked for protection. To unprotect the resource, either remove the `protect` flag from the resource in your Pulumi program and run `pulumi up` or use the command:\n`pulumi state unprotect '{urn}'`",
        _ => null,
    };

    /// <summary>The resource as the state keeps it after this step.</summary>
    public JsonObject State() => new() { ["type"] = Type, ["inputs"] = Inputs, ["properties"] = Properties.DeepClone(), ["protect"] = Protect };
}
