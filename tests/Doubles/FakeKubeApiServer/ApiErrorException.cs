using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>A failed request, answered with a metav1.Status body like the API server's.</summary>
public sealed class ApiErrorException(int code, string reason, string message) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject Status() => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = Message,
        ["reason"] = Reason,
        ["code"] = Code,
    };

    public static ApiErrorException NotFound(string plural, string name) => new(404, "NotFound", $"{plural} \"{name}\" not found");

    public static ApiErrorException Conflict(string plural, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
}
