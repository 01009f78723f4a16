using System.Text.Json.Nodes;
using k8s.Models;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// The API server's check of container resources on a pod or a Job's pod template (k8s.io/kubernetes
/// pkg/apis/core/validation, ValidateResourceRequirements): a request above the limit of the same resource is 422
/// Invalid on <c>...containers[i].resources.requests</c>, "must be less than or equal to memory limit of 2Gi".
/// Quantities are compared by value. Only creates are checked (the operator never updates a pod spec).
/// </summary>
internal static class ContainerResources
{
    public static void Validate(ResourceType type, string name, JsonObject body)
    {
        var (spec, path) = type.Plural switch
        {
            "jobs" => (body["spec"]?["template"]?["spec"], "spec.template.spec"),
            "pods" => (body["spec"], "spec"),
            _ => (null, ""),
        };
        if (spec?["containers"] is not JsonArray containers)
        {
            return;
        }

        var causes = new List<(string Field, string Message, string Reason)>();
        for (var i = 0; i < containers.Count; i++)
        {
            if (containers[i]?["resources"] is not JsonObject resources
                || resources["requests"] is not JsonObject requests || resources["limits"] is not JsonObject limits)
            {
                continue;
            }

            foreach (var (resource, limit) in limits)
            {
                if (requests[resource] is { } request && Value(request) is { } requested && Value(limit) is { } limited && requested > limited)
                {
                    causes.Add(($"{path}.containers[{i}].resources.requests",
                        $"Invalid value: \"{(string?)request}\": must be less than or equal to {resource} limit of {(string?)limit}", "FieldValueInvalid"));
                }
            }
        }

        if (causes.Count > 0)
        {
            var kind = type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}";
            throw ApiErrorException.Invalid(type, name, $"{kind} \"{name}\" is invalid: {string.Join(", ", causes.Select(c => $"{c.Field}: {c.Message}"))}", causes);
        }
    }

    private static decimal? Value(JsonNode? node)
    {
        try
        {
            return (string?)node is { } text ? new ResourceQuantity(text).ToDecimal() : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or InvalidOperationException)
        {
            return null;
        }
    }
}
