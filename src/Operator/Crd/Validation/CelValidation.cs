using System.Text.Json.Nodes;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// Runs every node's <c>x-kubernetes-validations</c> over a value, as apiextensions' CEL validator does: a rule
/// reports on its node (or its <c>fieldPath</c>) with <c>Invalid value: "&lt;type&gt;": &lt;message&gt;</c>;
/// transition rules (<c>oldSelf</c>) run only where a correlated old value exists; with ratcheting, a rule that
/// does not read <c>oldSelf</c> is skipped on a value equal to its old value.
/// </summary>
internal static class CelValidation
{
    public static void Validate(JsonNode? value, SchemaNode schema, string path, JsonNode? old, bool hasOld, bool ratchet, List<FieldCause> causes, bool isRoot = false)
    {
        if (value is null)
        {
            return;
        }

        var unchanged = hasOld && JsonNode.DeepEquals(value, old);
        foreach (var rule in schema.Rules)
        {
            if ((rule.IsTransitionRule && !hasOld) || (ratchet && unchanged && !rule.IsTransitionRule))
            {
                continue;
            }

            if (rule.Evaluate(value, schema, old) is { } detail)
            {
                causes.Add(Cause(rule, schema, path, detail));
            }
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (isRoot && name is "apiVersion" or "kind" or "metadata")
                    {
                        continue;
                    }

                    var oldObject = old as JsonObject;
                    var childHasOld = oldObject is not null && oldObject.ContainsKey(name);
                    if (schema.Properties.TryGetValue(name, out var property))
                    {
                        Validate(child, property, FieldPaths.Child(path, name), oldObject?[name], childHasOld, ratchet, causes);
                    }
                    else if (schema.AdditionalProperties is { } additional)
                    {
                        Validate(child, additional, FieldPaths.Key(path, name), oldObject?[name], childHasOld, ratchet, causes);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    var oldItem = OpenApiValidation.Correlate(array[i], schema, old as JsonArray);
                    Validate(array[i], items, FieldPaths.Index(path, i), oldItem, oldItem is not null, ratchet, causes);
                }

                break;
            default:
                break;
        }
    }

    internal static FieldCause Cause(CelRule rule, SchemaNode schema, string path, string detail)
    {
        var field = rule.FieldPath is null ? path : FieldPaths.Append(path, rule.FieldPath);
        return rule.Reason switch
        {
            FieldCause.Forbidden => FieldCause.ForbiddenValue(field, detail),
            FieldCause.Required => FieldCause.RequiredValue(field, detail),
            FieldCause.Duplicate => new FieldCause(field, $"Duplicate value: {detail}", FieldCause.Duplicate),
            _ => FieldCause.InvalidValue(field, FieldCause.Quote(schema.Type ?? "object"), detail),
        };
    }
}
