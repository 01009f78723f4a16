namespace DataPlatform.Stack.Model;

/// <summary>The name of each <see cref="PlatformComponent"/> as builders and status write it ("database").</summary>
public static class PlatformComponents
{
    public static string Name(this PlatformComponent component) => component.ToString().ToLowerInvariant();

    /// <summary>The component a resource belongs to; a name that is not a component is a builder bug.</summary>
    public static PlatformComponent Of(ProgramResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Parse(resource.Component)
            ?? throw new InvalidOperationException(
                $"Resource '{resource.LogicalName}' names component '{resource.Component}', which is not one of {string.Join(", ", Enum.GetValues<PlatformComponent>().Select(Name))}.");
    }

    public static PlatformComponent? Parse(string name) =>
        Enum.GetValues<PlatformComponent>().Cast<PlatformComponent?>().FirstOrDefault(c => c!.Value.Name() == name);
}
