using DataPlatform.Entities;

namespace DataPlatform.Stack.Input;

/// <summary>The outcome of reading a manifest: the entity, or one error that names the field.</summary>
public sealed record EnvironmentReadResult(V1Alpha1DataPlatformEnvironment? Environment, string? Error)
{
    public static EnvironmentReadResult Ok(V1Alpha1DataPlatformEnvironment environment) => new(environment, null);

    public static EnvironmentReadResult Fail(string error) => new(null, error);
}
