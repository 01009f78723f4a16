using System.Text.Json.Nodes;

namespace DataPlatform.Stack.Input;

/// <summary>One document of a YAML stream as JSON, with the line it starts on and the line of each field path.</summary>
/// <param name="Root">The document as JSON.</param>
/// <param name="Line">The line the document starts on.</param>
/// <param name="Lines">Line of each value by path (<c>spec.tags.team</c>, <c>spec.encryption.keys[0]</c>), for annotations.</param>
public sealed record YamlJsonDocument(JsonNode? Root, long Line, IReadOnlyDictionary<string, long> Lines)
{
    /// <summary>The line of a field, or of its nearest enclosing field that has one, or of the document.</summary>
    public long LineOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        for (var path = field; path.Length > 0;)
        {
            if (Lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut > 0 ? path[..cut] : "";
        }

        return Line;
    }
}
