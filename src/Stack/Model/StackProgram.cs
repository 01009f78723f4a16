namespace DataPlatform.Stack.Model;

/// <summary>The whole Pulumi YAML program of one environment and the config of its stack.</summary>
public sealed record StackProgram(
    string Name,
    string StackName,
    string Description,
    IReadOnlyList<ProgramVariable> Variables,
    IReadOnlyList<ProgramResource> Resources,
    IReadOnlyList<ProgramOutput> Outputs,
    PropertyMap StackConfig)
{
    public ProgramResource Resource(string logicalName) =>
        Resources.FirstOrDefault(r => r.LogicalName == logicalName)
        ?? throw new KeyNotFoundException($"The program has no resource '{logicalName}'.");
}
