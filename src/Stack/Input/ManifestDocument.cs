namespace DataPlatform.Stack.Input;

/// <summary>One document of a stream: where it starts, its kind, and, for a DataPlatformEnvironment, what reading it gave.</summary>
/// <param name="Index">Zero-based position among the stream's non-empty documents.</param>
/// <param name="Source">The parsed document, with the line of each field.</param>
/// <param name="Kind">apiVersion/kind as written, for messages.</param>
/// <param name="Name">metadata.name when there is one.</param>
/// <param name="Result">Null for a document that is not a DataPlatformEnvironment (skipped).</param>
public sealed record ManifestDocument(int Index, YamlJsonDocument Source, string Kind, string? Name, EnvironmentReadResult? Result);
