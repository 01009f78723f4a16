namespace DataPlatform.Stack.Model;

/// <summary>A program variable, usually an invoke resolved when the program runs.</summary>
public sealed record ProgramVariable(string Name, object Value, string Description);
