using System.Text.Json.Nodes;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// One node of a structural OpenAPI v3 schema (apiextensions' <c>Structural</c>): its type, children, default,
/// value constraints and compiled CEL rules. Built once per CRD by <see cref="CustomResourceSchema.Load"/>.
/// </summary>
internal sealed class SchemaNode
{
    private SchemaNode(JsonObject raw, string schemaPath, CelRuleCompiler compiler)
    {
        Raw = raw;
        SchemaPath = schemaPath;
        Type = raw["type"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : null;
        Nullable = Flag(raw, "nullable");
        PreserveUnknownFields = Flag(raw, "x-kubernetes-preserve-unknown-fields");
        IntOrString = Flag(raw, "x-kubernetes-int-or-string");
        EmbeddedResource = Flag(raw, "x-kubernetes-embedded-resource");
        Default = raw["default"];
        Required = raw["required"] is JsonArray r ? r.Select(x => x!.GetValue<string>()).ToList() : [];
        ListType = raw["x-kubernetes-list-type"]?.GetValue<string>();
        ListMapKeys = raw["x-kubernetes-list-map-keys"] is JsonArray keys ? keys.Select(x => x!.GetValue<string>()).ToList() : [];
        Enum = raw["enum"] is JsonArray e ? e.ToList() : null;
        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        if (raw["properties"] is JsonObject props)
        {
            foreach (var (name, child) in props)
            {
                if (child is JsonObject childSchema)
                {
                    properties[name] = new SchemaNode(childSchema, $"{schemaPath}.properties[{name}]", compiler);
                }
            }
        }

        Properties = properties;
        Items = raw["items"] is JsonObject items ? new SchemaNode(items, $"{schemaPath}.items", compiler) : null;
        AdditionalProperties = raw["additionalProperties"] is JsonObject additional
            ? new SchemaNode(additional, $"{schemaPath}.additionalProperties", compiler)
            : null;
        Rules = raw["x-kubernetes-validations"] is JsonArray rules
            ? rules.OfType<JsonObject>().Select((rule, i) => compiler.Compile(rule, $"{schemaPath}.x-kubernetes-validations[{i}]")).ToList()
            : [];
    }

    public JsonObject Raw { get; }

    /// <summary>Where this node sits in the CRD, as the API server names it: <c>...properties[spec].properties[retry]</c>.</summary>
    public string SchemaPath { get; }

    public string? Type { get; }

    public bool Nullable { get; }

    public bool PreserveUnknownFields { get; }

    public bool IntOrString { get; }

    public bool EmbeddedResource { get; }

    public JsonNode? Default { get; }

    public IReadOnlyList<string> Required { get; }

    public string? ListType { get; }

    public IReadOnlyList<string> ListMapKeys { get; }

    public IReadOnlyList<JsonNode?>? Enum { get; }

    public IReadOnlyDictionary<string, SchemaNode> Properties { get; }

    public SchemaNode? Items { get; }

    public SchemaNode? AdditionalProperties { get; }

    public IReadOnlyList<CelRule> Rules { get; }

    /// <summary>Every node under this one, this one first.</summary>
    public IEnumerable<SchemaNode> Descendants()
    {
        yield return this;
        foreach (var child in Properties.Values.Concat(new[] { Items, AdditionalProperties }.OfType<SchemaNode>()))
        {
            foreach (var node in child.Descendants())
            {
                yield return node;
            }
        }
    }

    public long? Long(string keyword) => Raw[keyword] is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : Raw[keyword] is JsonValue d && d.TryGetValue<double>(out var x) ? (long)x : null;

    public double? Number(string keyword) => Raw[keyword] is JsonValue v && v.TryGetValue<double>(out var d) ? d
        : Raw[keyword] is JsonValue l && l.TryGetValue<long>(out var x) ? x : null;

    public string? Text(string keyword) => Raw[keyword] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static SchemaNode Build(JsonObject raw, string schemaPath, CelRuleCompiler compiler) => new(raw, schemaPath, compiler);

    private static bool Flag(JsonObject raw, string keyword) =>
        raw[keyword] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
