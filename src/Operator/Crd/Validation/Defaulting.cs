using System.Text.Json.Nodes;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// apiextensions' structural defaulting: a missing property (or a <c>null</c> one that is not nullable) with a
/// <c>default</c> gets a copy of it, and defaulting then descends into it, so nested defaults fill a defaulted
/// <c>{}</c>. Defaults under <c>metadata</c> and <c>additionalProperties</c> are not applied (they are forbidden).
/// </summary>
internal static class Defaulting
{
    public static void Apply(JsonNode? node, SchemaNode schema, bool isRoot)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in schema.Properties)
                {
                    if (isRoot && name == "metadata")
                    {
                        continue;
                    }

                    var present = obj.TryGetPropertyValue(name, out var value);
                    if (child.Default is not null && (!present || (value is null && !child.Nullable)))
                    {
                        obj[name] = child.Default.DeepClone();
                    }
                }

                foreach (var (name, value) in obj.ToList())
                {
                    if (isRoot && name == "metadata")
                    {
                        continue;
                    }

                    if ((schema.Properties.GetValueOrDefault(name) ?? schema.AdditionalProperties) is { } child)
                    {
                        Apply(value, child, false);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                foreach (var item in array)
                {
                    Apply(item, items, false);
                }

                break;
            default:
                break;
        }
    }
}
