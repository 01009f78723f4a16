using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>A failed request, answered with a metav1.Status body like the API server's.</summary>
public sealed class ApiErrorException(int code, string reason, string message) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    /// <summary><c>details</c> of the Status (name, group, kind, causes), as the API server sends for 422 and 403.</summary>
    public JsonObject? Details { get; init; }

    /// <summary>Seconds a 429 or 503 asks the client to wait (the <c>Retry-After</c> header and <c>details.retryAfterSeconds</c>).</summary>
    public int? RetryAfterSeconds { get; init; }

    public JsonObject Status()
    {
        var status = Body();
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        return status;
    }

    private JsonObject Body() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["code"] = Code,
    };

    /// <summary>422 Invalid with the causes the API server lists, one per field error.</summary>
    public static ApiErrorException Invalid(ResourceType type, string name, string message, IEnumerable<(string Field, string Message, string Reason)> causes) =>
        new(422, "Invalid", message)
        {
            Details = new JsonObject
            {
                ["name"] = name,
                ["group"] = type.Group,
                ["kind"] = type.Kind,
                ["causes"] = new JsonArray(causes.Select(c => (JsonNode)new JsonObject
                {
                    ["reason"] = c.Reason,
                    ["message"] = c.Message,
                    ["field"] = c.Field,
                }).ToArray()),
            },
        };

    /// <summary>NamespaceLifecycle's answer to a create in a namespace that is being deleted.</summary>
    public static ApiErrorException NamespaceTerminating(ResourceType type, string name, string ns) =>
        new(403, "Forbidden", $"{type.Plural} \"{name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated")
        {
            Details = new JsonObject
            {
                ["name"] = name,
                ["kind"] = type.Plural,
                ["causes"] = new JsonArray(new JsonObject
                {
                    ["reason"] = "NamespaceTerminating",
                    ["message"] = $"namespace {ns} is being terminated",
                    ["field"] = "metadata.namespace",
                }),
            },
        };

    /// <summary>API Priority and Fairness rejecting a request: 429 with Retry-After.</summary>
    public static ApiErrorException TooManyRequests(int retryAfterSeconds) =>
        new(429, "TooManyRequests", "The server has received too many requests and has asked us to try again later")
        {
            RetryAfterSeconds = retryAfterSeconds,
            Details = new JsonObject { ["retryAfterSeconds"] = retryAfterSeconds },
        };

    public static ApiErrorException NotFound(string plural, string name) => new(404, "NotFound", $"{plural} \"{name}\" not found");

    public static ApiErrorException Conflict(string plural, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
}
