using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>JSON merge patch (RFC 7386) and JSON patch (RFC 6902: add, replace, remove, test), as the API server applies them.</summary>
internal static class Patches
{
    public static JsonObject Apply(JsonObject target, JsonNode patch, string contentType)
    {
        if (contentType.StartsWith("application/json-patch+json", StringComparison.Ordinal))
        {
            var result = (JsonObject)target.DeepClone();
            foreach (var op in patch.AsArray())
            {
                JsonPatch(result, op!.AsObject());
            }

            return result;
        }

        if (contentType.StartsWith("application/merge-patch+json", StringComparison.Ordinal) || contentType.StartsWith("application/strategic-merge-patch+json", StringComparison.Ordinal))
        {
            return (JsonObject)Merge(target.DeepClone(), patch)!;
        }

        throw new ApiErrorException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json ({contentType})");
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = Merge(result[key]?.DeepClone(), value);
            }
        }

        return result;
    }

    private static void JsonPatch(JsonObject root, JsonObject op)
    {
        var path = ((string)op["path"]!).Split('/').Skip(1).Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        JsonNode parent = root;
        foreach (var part in path[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : parent[part] ?? throw new ApiErrorException(422, "Invalid", $"path {op["path"]} does not exist");
        }

        var last = path[^1];
        var value = op["value"]?.DeepClone();
        switch ((string?)op["op"])
        {
            case "add" when parent is JsonArray array:
                if (last == "-")
                {
                    array.Add(value);
                }
                else
                {
                    array.Insert(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture), value);
                }

                break;
            case "add" or "replace":
                if (parent is JsonArray list)
                {
                    list[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
                }
                else
                {
                    parent[last] = value;
                }

                break;
            case "remove" when parent is JsonArray items:
                items.RemoveAt(int.Parse(last, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "remove":
                parent.AsObject().Remove(last);
                break;
            case "test":
                var actual = parent is JsonArray arr ? arr[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] : parent[last];
                if (!JsonNode.DeepEquals(actual, value))
                {
                    throw new ApiErrorException(422, "Invalid", $"the test of {op["path"]} failed");
                }

                break;
            default:
                throw new ApiErrorException(422, "Invalid", $"unsupported patch operation {op["op"]}");
        }
    }
}
