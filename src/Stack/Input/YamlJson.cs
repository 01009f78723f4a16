using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DataPlatform.Stack.Input;

/// <summary>
/// Turns YAML into JSON with real types: plain scalars become numbers, booleans and null by the YAML 1.2 core
/// schema, quoted scalars stay strings (deserialising YAML into object would make every value a string).
/// Reads from the parser's events with the limits of <see cref="InputLimits"/>: nesting, values after alias
/// expansion, an alias to its own enclosing node, numbers out of range and unsupported tags are
/// <see cref="InputException"/>s with the position, never a crash.
/// </summary>
public static partial class YamlJson
{
    private const string CoreTag = "tag:yaml.org,2002:";
    private const int MaxTrackedPath = 512;

    /// <summary>Every document of a YAML stream that is not empty.</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string yaml) => ParseDocuments(yaml).Select(d => d.Root).ToList();

    /// <summary>Every document that is not empty, with the line it starts on.</summary>
    public static IReadOnlyList<YamlJsonDocument> ParseDocuments(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        try
        {
            return new Reader(new Parser(new StringReader(yaml))).Documents();
        }
        catch (YamlException e)
        {
            throw new InputException(e.Start.Line, e.Start.Column, "not valid YAML: " + MessageText.Escape(Position().Replace(e.Message, ""), 200));
        }
    }

    private static JsonValue? Plain(string value, Mark at)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return double.IsFinite(d)
                ? JsonValue.Create(d)
                : throw new InputException(at.Line, at.Column, $"the number {MessageText.Quote(value)} is out of range; numbers must be finite double-precision values (at most about 1.8e308).");
        }

        return JsonValue.Create(value);
    }

    private static JsonValue? Tagged(string value, string tag, Mark at)
    {
        var resolved = Plain(value, at);
        bool ok = tag switch
        {
            "str" => true,
            "int" => resolved is not null && resolved.TryGetValue<long>(out _),
            "float" => resolved is not null && (resolved.TryGetValue<double>(out _) || resolved.TryGetValue<long>(out _)),
            "bool" => resolved is not null && resolved.TryGetValue<bool>(out _),
            "null" => resolved is null,
            _ => throw new InputException(at.Line, at.Column, $"the YAML tag !!{MessageText.Escape(tag)} is not supported; use plain values (strings, numbers, true/false, null, lists, maps)."),
        };
        return !ok
            ? throw new InputException(at.Line, at.Column, $"{MessageText.Quote(value)} is not a valid !!{tag}.")
            : tag == "str" ? JsonValue.Create(value) : resolved;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex Position();

    /// <summary>One pass over the events of a stream, building JSON with the limits enforced.</summary>
    private sealed class Reader(IParser parser)
    {
        private readonly Dictionary<string, (JsonNode? Node, int Size)?> _anchors = new(StringComparer.Ordinal);
        private Dictionary<string, long> _lines = new(StringComparer.Ordinal);
        private int _nodes;

        public List<YamlJsonDocument> Documents()
        {
            var documents = new List<YamlJsonDocument>();
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                _anchors.Clear();
                _lines = new Dictionary<string, long>(StringComparer.Ordinal);
                var first = parser.Current;
                var (root, _) = Node(0, "");
                parser.Consume<DocumentEnd>();
                if (!(root is null && first is Scalar { Value: "" or null }))
                {
                    documents.Add(new YamlJsonDocument(root, start.Start.Line, _lines));
                }
            }

            parser.Consume<StreamEnd>();
            return documents;
        }

        private (JsonNode? Node, int Size) Node(int depth, string path)
        {
            var current = parser.Current ?? throw new InputException("the YAML stream ends early.");
            if (path.Length > 0 && path.Length <= MaxTrackedPath)
            {
                _lines.TryAdd(path, current.Start.Line);
            }

            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    return Alias(alias);
                case Scalar scalar:
                    parser.MoveNext();
                    Count(1, scalar.Start);
                    return Anchor(scalar.Anchor, (Scalar(scalar), 1));
                case SequenceStart sequence:
                    Enter(depth, sequence.Start, sequence.Anchor);
                    CheckCollectionTag(sequence.Tag, "seq", sequence.Start);
                    parser.MoveNext();
                    var list = new JsonArray();
                    var listSize = 1;
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        var (item, size) = Node(depth + 1, $"{path}[{list.Count}]");
                        list.Add(item);
                        listSize += size;
                    }

                    Count(1, sequence.Start);
                    return Anchor(sequence.Anchor, (list, listSize));
                case MappingStart mapping:
                    Enter(depth, mapping.Start, mapping.Anchor);
                    CheckCollectionTag(mapping.Tag, "map", mapping.Start);
                    parser.MoveNext();
                    var map = new JsonObject();
                    var mapSize = 1;
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyEvent = parser.Current!;
                        var (key, _) = Node(depth + 1, "");
                        var name = key is JsonValue value && value.GetValueKind() != System.Text.Json.JsonValueKind.Object
                            ? value.ToString()
                            : throw new InputException(keyEvent.Start.Line, keyEvent.Start.Column, "mapping keys must be strings, numbers or booleans, not lists, maps or null.");
                        if (map.ContainsKey(name))
                        {
                            throw new InputException(keyEvent.Start.Line, keyEvent.Start.Column, $"Duplicate key {MessageText.Quote(name)}.");
                        }

                        var (item, size) = Node(depth + 1, path.Length == 0 ? name : $"{path}.{name}");
                        map[name] = item;
                        mapSize += size;
                    }

                    Count(1, mapping.Start);
                    return Anchor(mapping.Anchor, (map, mapSize));
                default:
                    throw new InputException(current.Start.Line, current.Start.Column, "unexpected YAML structure.");
            }
        }

        private void Enter(int depth, Mark at, AnchorName anchor)
        {
            if (depth + 1 > InputLimits.MaxDepth)
            {
                throw new InputException(at.Line, at.Column, $"nesting is deeper than {InputLimits.MaxDepth} levels; a DataPlatformEnvironment needs 6.");
            }

            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = null;
            }
        }

        private (JsonNode? Node, int Size) Alias(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
            {
                throw new InputException(alias.Start.Line, alias.Start.Column, $"the alias *{MessageText.Escape(alias.Value.Value)} names no anchor defined before it.");
            }

            if (anchored is not { } done)
            {
                throw new InputException(alias.Start.Line, alias.Start.Column, $"the alias *{MessageText.Escape(alias.Value.Value)} refers to a node that contains it; such a value would be infinite.");
            }

            Count(done.Size, alias.Start);
            return (done.Node?.DeepClone(), done.Size);
        }

        private (JsonNode? Node, int Size) Anchor(AnchorName anchor, (JsonNode? Node, int Size) built)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = built;
            }

            return built;
        }

        private void Count(int size, Mark at)
        {
            _nodes += size;
            if (_nodes > InputLimits.MaxNodes)
            {
                throw new InputException(at.Line, at.Column, $"the stream holds more than {InputLimits.MaxNodes} values (aliases counted as expanded); refusing to expand it.");
            }
        }

        private static void CheckCollectionTag(TagName tag, string expected, Mark at)
        {
            if (!tag.IsEmpty && !tag.IsNonSpecific && tag.Value != CoreTag + expected)
            {
                throw new InputException(at.Line, at.Column, $"the YAML tag {MessageText.Escape(tag.Value)} is not supported here.");
            }
        }

        private static JsonValue? Scalar(Scalar scalar)
        {
            var value = scalar.Value ?? "";
            if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
            {
                return scalar.Tag.Value.StartsWith(CoreTag, StringComparison.Ordinal)
                    ? Tagged(value, scalar.Tag.Value[CoreTag.Length..], scalar.Start)
                    : throw new InputException(scalar.Start.Line, scalar.Start.Column, $"the YAML tag {MessageText.Escape(scalar.Tag.Value)} is not supported; use plain values.");
            }

            return scalar.Style == ScalarStyle.Plain ? Plain(value, scalar.Start) : JsonValue.Create(value);
        }
    }
}
