using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Engine.Events;

/// <summary>
/// Which component each resource of a program belongs to, derived from the program itself (each builder tags the
/// resources it adds), and how many resources each component has. Engine events name resources by URN, whose last
/// segment is the logical name; the stack, its providers and resources no longer in the program map to none.
/// </summary>
public sealed class ComponentMap
{
    private readonly Dictionary<string, PlatformComponent> _byName;

    private ComponentMap(Dictionary<string, PlatformComponent> byName)
    {
        _byName = byName;
        Totals = Enum.GetValues<PlatformComponent>()
            .Select(c => (Component: c, Count: byName.Values.Count(v => v == c)))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Component, p => p.Count);
    }

    /// <summary>Resources per component, only components the program has, in <see cref="PlatformComponent"/> order.</summary>
    public IReadOnlyDictionary<PlatformComponent, int> Totals { get; }

    public int ResourceCount => _byName.Count;

    public static ComponentMap From(StackProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new ComponentMap(program.Resources.ToDictionary(r => r.LogicalName, PlatformComponents.Of, StringComparer.Ordinal));
    }

    /// <summary>The component of the resource a step works on, or null for the stack, providers and resources not in the program.</summary>
    public PlatformComponent? Of(StepMetadata step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Type.StartsWith("pulumi:", StringComparison.Ordinal) ? null : Of(step.Name);
    }

    public PlatformComponent? Of(string logicalName) => _byName.TryGetValue(logicalName, out var component) ? component : null;
}
