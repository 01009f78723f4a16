using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>Label selectors (k=v, k==v, k!=v, k, !k) and field selectors (metadata.name, metadata.namespace).</summary>
internal static class Selectors
{
    public static Func<JsonObject, bool> Parse(string? labelSelector, string? fieldSelector)
    {
        var tests = new List<Func<JsonObject, bool>>();
        foreach (var term in Split(labelSelector))
        {
            tests.Add(Label(term));
        }

        foreach (var term in Split(fieldSelector))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            var path = parts[0].Trim().Split('.');
            var value = parts[1].Trim();
            tests.Add(o =>
            {
                JsonNode? node = o;
                foreach (var p in path)
                {
                    node = node?[p];
                }

                return ((string?)node == value) != negate;
            });
        }

        return o => tests.All(t => t(o));
    }

    private static Func<JsonObject, bool> Label(string term)
    {
        string? Value(JsonObject o, string key) => o["metadata"]?["labels"]?[key] is JsonValue v ? (string?)v : null;
        if (term.StartsWith('!'))
        {
            var key = term[1..];
            return o => Value(o, key) is null;
        }

        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var parts = term.Split("!=");
            return o => Value(o, parts[0].Trim()) != parts[1].Trim();
        }

        if (term.Contains('=', StringComparison.Ordinal))
        {
            var parts = term.Split(term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            return o => Value(o, parts[0].Trim()) == parts[1].Trim();
        }

        return o => Value(o, term.Trim()) is not null;
    }

    private static string[] Split(string? selector) =>
        (selector ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
