using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// The API server's write path for a custom resource with an installed schema: prune unknown fields (400 under
/// <c>fieldValidation=Strict</c>, a <c>Warning</c> header otherwise), prune non-nullable nulls, default, validate
/// (OpenAPI, then CEL with <c>oldSelf</c> and ratcheting): 422 Invalid with causes; then the validating admission
/// webhooks. Returns the object to store.
/// </summary>
internal static class CustomResourceWrites
{
    public static async Task<JsonObject> AdmitAsync(
        ResourceType type, string name, string operation, JsonObject candidate, JsonObject? old, bool statusWrite,
        HttpContext context, AdmissionWebhooks webhooks)
    {
        var result = candidate;
        if (type.Schema is { } schema)
        {
            var strict = context.Request.Query["fieldValidation"] is StringValues v && v.Count > 0 && v[0] == "Strict";
            var admitted = schema.Admit(candidate, old, strict);
            if (admitted.StrictDecodingFailed)
            {
                throw new ApiErrorException(400, "BadRequest", admitted.StrictDecodingMessage);
            }

            foreach (var unknown in admitted.UnknownFields)
            {
                context.Response.Headers.Append("Warning", $"299 - \"unknown field \\\"{unknown}\\\"\"");
            }

            if (!admitted.Allowed)
            {
                throw ApiErrorException.Invalid(
                    type, name, admitted.InvalidMessage($"{type.Kind}.{type.Group}", name),
                    admitted.Causes.Select(c => (c.Field, c.Message, c.Reason)));
            }

            result = admitted.Object;
        }

        await webhooks.ValidateAsync(type, name, operation, statusWrite, result, old, context.RequestAborted);
        return result;
    }
}
