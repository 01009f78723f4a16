using System.Text.Json.Nodes;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// apiextensions' pruning: fields the schema does not declare are dropped (their paths are returned, for
/// <c>fieldValidation=Strict</c> and warnings), unless <c>x-kubernetes-preserve-unknown-fields</c>; then a
/// <c>null</c> for a field that is not <c>nullable</c> and has no default is dropped before defaulting.
/// <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> of the root are left to the object-meta handling.
/// </summary>
internal static class Pruning
{
    public static void PruneUnknown(JsonNode? node, SchemaNode schema, string path, bool isRoot, List<string> unknown)
    {
        switch (node)
        {
            case JsonObject obj when !schema.PreserveUnknownFields || schema.Properties.Count > 0 || schema.AdditionalProperties is not null:
                foreach (var (name, value) in obj.ToList())
                {
                    if (isRoot && name is "apiVersion" or "kind" or "metadata")
                    {
                        continue;
                    }

                    if (schema.Properties.TryGetValue(name, out var child))
                    {
                        PruneUnknown(value, child, FieldPaths.Child(path, name), false, unknown);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        PruneUnknown(value, additional, FieldPaths.Key(path, name), false, unknown);
                    }
                    else if (!schema.PreserveUnknownFields)
                    {
                        obj.Remove(name);
                        unknown.Add(FieldPaths.Child(path, name));
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneUnknown(array[i], items, FieldPaths.Index(path, i), false, unknown);
                }

                break;
            default:
                break;
        }
    }

    public static void PruneNulls(JsonNode? node, SchemaNode schema, bool isRoot)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (isRoot && name == "metadata")
                    {
                        continue;
                    }

                    var child = schema.Properties.GetValueOrDefault(name) ?? schema.AdditionalProperties;
                    if (child is null)
                    {
                        continue;
                    }

                    if (value is null && !child.Nullable && child.Default is null)
                    {
                        obj.Remove(name);
                    }
                    else
                    {
                        PruneNulls(value, child, false);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                foreach (var item in array)
                {
                    PruneNulls(item, items, false);
                }

                break;
            default:
                break;
        }
    }
}
