namespace DataPlatform.Stack.Input;

/// <summary>
/// Bounds on what the tools read, so no file can exhaust memory or the stack: the size of a file or stream, the
/// nesting of its values, and the number of values after YAML aliases are expanded.
/// </summary>
public static class InputLimits
{
    /// <summary>Largest file or stream read (8 MiB): kustomize output of a whole platform fits; the API server takes 3 MiB a request.</summary>
    public const long MaxBytes = 8L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences (a DataPlatformEnvironment needs 6; CRDs about 16).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values in one stream, aliases counted as expanded (an alias bomb stops here).</summary>
    public const int MaxNodes = 250_000;
}
