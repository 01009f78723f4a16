using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Stack.Validation;

/// <summary>What every rule reads: the environment, its derived names, and where a derived name's fix goes.</summary>
internal sealed class ValidationContext(V1Alpha1DataPlatformEnvironment environment)
{
    public V1Alpha1DataPlatformEnvironment Environment { get; } = environment;

    public DataPlatformEnvironmentSpec Spec => Environment.Spec;

    public ResourceNames Names { get; } = ResourceNames.For(environment);

    public bool IsAurora => Spec.Database.Engine == DatabaseEngine.AuroraPostgresql;

    /// <summary>The field a user changes to change a name derived from the suffix.</summary>
    public string SuffixField => Spec.EnvironmentSuffix is null ? "metadata.name" : "spec.environmentSuffix";

    /// <summary>The explicit field when the user set it, otherwise the suffix's field.</summary>
    public string FieldFor(string explicitField, object? explicitValue) => explicitValue is null ? SuffixField : explicitField;
}
