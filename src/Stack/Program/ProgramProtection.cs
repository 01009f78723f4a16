using DataPlatform.Stack.Engine;

namespace DataPlatform.Stack.Program;

/// <summary>
/// Which stateful resources the program marks with Pulumi's <c>protect</c> (DESIGN.md section 11). Every update
/// protects all of them, except the ones an approved plan replaces or deletes; a preview changes nothing, so it runs
/// unprotected to show the whole plan (the engine would otherwise stop at the first protected replacement).
/// </summary>
public sealed record ProgramProtection
{
    private ProgramProtection(bool any, IReadOnlySet<string> lifted)
    {
        Any = any;
        Lifted = lifted;
    }

    /// <summary>Every stateful resource protected.</summary>
    public static ProgramProtection All { get; } = new(true, new HashSet<string>());

    /// <summary>Nothing protected: for previews only.</summary>
    public static ProgramProtection ForPreview { get; } = new(false, new HashSet<string>());

    public bool Any { get; }

    /// <summary>Logical names whose protection an approved plan lifts.</summary>
    public IReadOnlySet<string> Lifted { get; }

    public static ProgramProtection Except(IEnumerable<string> logicalNames) => new(true, logicalNames.ToHashSet(StringComparer.Ordinal));

    public bool Protects(string logicalName, string type) => Any && StatefulResources.IsStateful(type) && !Lifted.Contains(logicalName);
}
