using System.Text.Json.Serialization;

namespace DataPlatform.Stack.Engine;

/// <summary>
/// Everything a run needs: the stack, the program files (Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml), where the state
/// lives, how secrets are encrypted, and extra environment (AWS credentials from the referenced Secret). Values in
/// <see cref="Environment"/> and the passphrase are secrets: they never reach logs or messages.
/// </summary>
public sealed record StackRequest
{
    public required string StackName { get; init; }

    /// <summary>The program files by name; the operator keeps them as <see cref="CompressedFileDictionary"/> while a run is in flight.</summary>
    [JsonConverter(typeof(CompressedFileDictionaryJsonConverter))]
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>Backend URL; null takes the engine's default.</summary>
    public string? BackendUrl { get; init; }

    /// <summary>passphrase (default) or a KMS URL such as awskms://alias/pulumi-state.</summary>
    public string? SecretsProvider { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Values to scrub from every message (passwords known to the caller, credentials).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The environment the stack belongs to (labels of an engine Job, adoption after a restart); null outside the operator.</summary>
    public StackOwner? Owner { get; init; }

    /// <summary>
    /// What the environment asks of its engine runs (spec.stack.engine), within bounds checked before the run; null
    /// takes the engine's defaults. Its parallelism applies in every mode, its resources only to engine Jobs.
    /// </summary>
    public Sizing.EngineSize? Size { get; init; }

    /// <summary>
    /// Host-name prefixes of lock holders known to be gone (the pods of this stack's engine Jobs, none of which runs
    /// when a new one starts): a lock from such a host is stale at once and recovered (DESIGN.md sections 6 and 10).
    /// </summary>
    public IReadOnlyList<string> GoneLockHolders { get; init; } = [];
}
