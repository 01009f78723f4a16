using System.Text.Json.Nodes;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// apiextensions' checks of a CRD's schema before the CRD is stored (<c>validation.ValidateCustomResourceDefinition</c>
/// and <c>defaulting.ValidateDefaults</c>): a structural schema, CEL rules that compile and fit the estimated cost
/// limits, list-map keys that are required or defaulted, and defaults that are pruned, valid against their own
/// schema and accepted by their node's CEL rules evaluated on the literal default.
/// </summary>
internal static class DefinitionValidation
{
    public static IReadOnlyList<FieldCause> Validate(SchemaNode root)
    {
        var causes = new List<FieldCause>();
        Structural(root, isRoot: true, causes);
        foreach (var node in root.Descendants())
        {
            foreach (var rule in node.Rules.Where(r => r.CompileError is not null))
            {
                causes.Add(FieldCause.InvalidValue($"{rule.SchemaPath}.rule", FieldCause.Quote(rule.Rule), $"compilation failed: {rule.CompileError}"));
            }

            if (node.Default is { } literal)
            {
                Default(node, literal, causes);
            }
        }

        causes.AddRange(CelCostEstimator.Check(root));
        return causes;
    }

    private static void Structural(SchemaNode node, bool isRoot, List<FieldCause> causes)
    {
        if (node.Type is null && !node.IntOrString && !node.PreserveUnknownFields)
        {
            causes.Add(FieldCause.RequiredValue($"{node.SchemaPath}.type", "must not be empty for specified object fields"));
        }

        if (node.Properties.Count > 0 && node.AdditionalProperties is not null)
        {
            causes.Add(FieldCause.ForbiddenValue($"{node.SchemaPath}.additionalProperties", "additionalProperties and properties are mutual exclusive"));
        }

        if (node.Raw["uniqueItems"] is JsonValue unique && unique.TryGetValue<bool>(out var u) && u)
        {
            causes.Add(FieldCause.ForbiddenValue($"{node.SchemaPath}.uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }

        if (node.Raw.ContainsKey("$ref"))
        {
            causes.Add(FieldCause.ForbiddenValue($"{node.SchemaPath}.$ref", "$ref is not supported"));
        }

        if (node.ListType == "map")
        {
            foreach (var key in node.ListMapKeys)
            {
                if (node.Items?.Properties.GetValueOrDefault(key) is not { } keySchema)
                {
                    causes.Add(FieldCause.RequiredValue($"{node.SchemaPath}.x-kubernetes-list-map-keys", $"entries must all be names of item properties: {key}"));
                }
                else if (keySchema.Default is null && !node.Items.Required.Contains(key))
                {
                    causes.Add(FieldCause.RequiredValue($"{node.SchemaPath}.items.properties[{key}]", "all map keys must be required or have a default value"));
                }
            }
        }

        foreach (var (name, child) in node.Properties)
        {
            if (isRoot && name == "metadata")
            {
                if (child.Default is not null)
                {
                    causes.Add(FieldCause.ForbiddenValue($"{child.SchemaPath}.default", "must not be set inside metadata"));
                }

                continue;
            }

            Structural(child, false, causes);
        }

        if (node.Items is { } items)
        {
            Structural(items, false, causes);
        }

        if (node.AdditionalProperties is { } additional)
        {
            if (additional.Default is not null)
            {
                causes.Add(FieldCause.ForbiddenValue($"{additional.SchemaPath}.default", "must not be set inside additionalProperties"));
            }

            Structural(additional, false, causes);
        }
    }

    private static void Default(SchemaNode node, JsonNode literal, List<FieldCause> causes)
    {
        var path = $"{node.SchemaPath}.default";
        var pruned = literal.DeepClone();
        var unknown = new List<string>();
        Pruning.PruneUnknown(pruned, node, path, isRoot: false, unknown);
        if (unknown.Count > 0)
        {
            causes.Add(FieldCause.InvalidValue(path, FieldCause.Quote(FieldCause.JsonKind(literal)), "must not have unknown fields"));
        }

        var found = new List<FieldCause>();
        OpenApiValidation.Validate(literal, node, path, null, false, found);
        if (found.Count == 0)
        {
            CelValidation.Validate(literal, node, path, null, false, false, found);
        }

        causes.AddRange(found);
    }
}
