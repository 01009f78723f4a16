using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// <c>metadata.managedFields</c> as the API server's field manager writes them on every create, update and patch
/// (SEMANTICS.md, "Managed fields"): one entry per manager, operation and subresource, its <c>fieldsV1</c> the set of
/// fields the write sent; the manager is the <c>fieldManager</c> parameter, else the User-Agent up to its first
/// <c>/</c>. A request without managedFields (absent or empty) keeps the stored ones, as the real server does, so a
/// client that drops them from its cache never erases them. Not modelled: ownership moving between managers when one
/// changes another's field, and server-side apply.
/// </summary>
internal static class ManagedFields
{
    private static readonly string[] ServerMetadata = ["uid", "creationTimestamp", "deletionTimestamp", "generation", "name", "namespace", "resourceVersion", "managedFields"];

    /// <summary>Sets the managedFields of <paramref name="stored"/> (what is about to be stored) for a write of <paramref name="sent"/>.</summary>
    public static void Track(HttpContext context, JsonObject stored, JsonObject sent, JsonObject? current, string apiVersion, bool status, DateTimeOffset now)
    {
        var requested = sent["metadata"]?["managedFields"] as JsonArray;
        var entries = !status && requested is { Count: > 0 }
            ? (JsonArray)requested.DeepClone()
            : current?["metadata"]?["managedFields"]?.DeepClone() as JsonArray ?? [];
        var fields = status ? new JsonObject { ["f:status"] = Fields(sent["status"]) } : MainFields(sent);
        var manager = Manager(context);
        var subresource = status ? "status" : null;
        var existing = entries.OfType<JsonObject>().FirstOrDefault(e => (string?)e["manager"] == manager
            && (string?)e["operation"] == "Update" && (string?)e["subresource"] == subresource);
        if (existing is null || !JsonNode.DeepEquals(existing["fieldsV1"], fields))
        {
            var entry = new JsonObject
            {
                ["manager"] = manager,
                ["operation"] = "Update",
                ["apiVersion"] = apiVersion,
                ["time"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = fields,
            };
            if (subresource is not null)
            {
                entry["subresource"] = subresource;
            }

            if (existing is not null)
            {
                entries[entries.IndexOf(existing)] = entry;
            }
            else
            {
                entries.Add(entry);
            }
        }

        ((JsonObject)stored["metadata"]!)["managedFields"] = entries;
    }

    private static string Manager(HttpContext context) =>
        context.Request.Query["fieldManager"] is { Count: > 0 } named && !string.IsNullOrEmpty(named[0])
            ? named[0]!
            : context.Request.Headers.UserAgent.ToString().Split('/')[0] is { Length: > 0 } agent ? agent : "unknown";

    private static JsonObject MainFields(JsonObject sent)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in sent)
        {
            if (name is "apiVersion" or "kind" or "status")
            {
                continue;
            }

            if (name == "metadata" && value is JsonObject metadata)
            {
                var kept = new JsonObject();
                foreach (var (field, inner) in metadata.Where(m => !ServerMetadata.Contains(m.Key)))
                {
                    kept["f:" + field] = Fields(inner);
                }

                if (kept.Count > 0)
                {
                    fields["f:metadata"] = kept;
                }

                continue;
            }

            fields["f:" + name] = Fields(value);
        }

        return fields;
    }

    /// <summary>The fieldsV1 set of a value: objects by field, lists of objects keyed by <c>type</c> or <c>name</c>, other lists by value.</summary>
    private static JsonObject Fields(JsonNode? value)
    {
        var set = new JsonObject();
        switch (value)
        {
            case JsonObject obj:
                set["."] = new JsonObject();
                foreach (var (name, inner) in obj)
                {
                    set["f:" + name] = Fields(inner);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    var key = item is JsonObject element && (element["type"] ?? element["name"]) is JsonValue id
                        ? $"k:{{\"{(element["type"] is null ? "name" : "type")}\":{id.ToJsonString()}}}"
                        : "v:" + (item?.ToJsonString() ?? "null");
                    set[key] = item is JsonObject ? Fields(item) : new JsonObject();
                }

                break;
        }

        return set;
    }
}
