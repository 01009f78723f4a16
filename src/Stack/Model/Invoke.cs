namespace DataPlatform.Stack.Model;

/// <summary><c>fn::invoke</c>: a provider function evaluated when the program runs, with an optional single field returned.</summary>
public sealed record Invoke(string Function, PropertyMap Arguments, string? Return = null);
