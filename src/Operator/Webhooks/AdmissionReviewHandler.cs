using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Operator.Engine;
using DataPlatform.Operator.Engine.Jobs;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Webhooks;

/// <summary>
/// Answers admission.k8s.io/v1 AdmissionReview requests for DataPlatformEnvironments with the pre-flight
/// validator's findings: errors deny the request with every field and rule in the message (HTTP status 422 in
/// the response), warnings go back as admission warnings, which kubectl prints. A malformed review gets a
/// 400-style denial that says what is wrong, never an exception. An UPDATE is judged only on what it changes
/// (compared with <c>oldObject</c>): an object being deleted, and an update that leaves the spec as it was
/// (finalizers, labels, annotations), are always allowed, and an error the old object already had is not held
/// against the update, so rules made stricter later never trap an existing object (it can still be paused,
/// retried and deleted).
/// </summary>
internal sealed class AdmissionReviewHandler(Func<V1Alpha1DataPlatformEnvironment, ValidationReport> validate)
{
    public const string Path = "/validate-dataplatform-io-v1alpha1-dataplatformenvironment";

    /// <summary>The handler the operator serves: the same pre-flight validator the controller and the verbs run.</summary>
    public static AdmissionReviewHandler Preflight() => new(PreflightValidator.Validate);

    /// <summary>The pre-flight validator and the operator's bounds on engine sizes (Engine:Job:Max*), as the controller judges them at reconcile.</summary>
    public static AdmissionReviewHandler Preflight(JobEngineOptions bounds) => new(environment => EngineBounds.Validate(environment, bounds));

    private const int MaxWarnings = 20;

    public JsonObject Handle(string body)
    {
        JsonNode? review;
        try
        {
            review = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return Response(uid: "", allowed: false, code: 400, message: $"the AdmissionReview is not valid JSON: {e.Message}");
        }

        if (review?["request"] is not JsonObject request)
        {
            return Response(uid: "", allowed: false, code: 400, message: "the AdmissionReview has no request.");
        }

        var uid = (request["uid"] as JsonValue)?.TryGetValue<string>(out var u) == true ? u : "";
        if (uid.Length == 0)
        {
            return Response(uid: "", allowed: false, code: 400, message: "the AdmissionReview request has no uid.");
        }

        var operation = (request["operation"] as JsonValue)?.TryGetValue<string>(out var op) == true ? op : "";
        if (operation is "DELETE" or "CONNECT")
        {
            return Response(uid, allowed: true);
        }

        if (request["object"] is not JsonObject obj)
        {
            return Response(uid, allowed: false, code: 400, message: "the AdmissionReview request has no object to validate.");
        }

        var old = operation == "UPDATE" ? request["oldObject"] as JsonObject : null;
        if (old is not null && (obj["metadata"]?["deletionTimestamp"] is not null || JsonNode.DeepEquals(obj["spec"], old["spec"])))
        {
            return Response(uid, allowed: true);
        }

        var read = EnvironmentReader.Read(obj.ToJsonString());
        if (read.Environment is not { } environment)
        {
            return Response(uid, allowed: false, code: 422, message: $"DataPlatformEnvironment is invalid: {read.Error}");
        }

        var report = validate(environment);
        var existing = old is not null && EnvironmentReader.Read(old.ToJsonString()).Environment is { } before
            ? validate(before).Errors.Select(e => (e.Field, e.Rule)).ToHashSet()
            : [];
        var errors = report.Errors.Where(e => !existing.Contains((e.Field, e.Rule))).ToList();
        var warnings = report.Warnings.Take(MaxWarnings).Select(Describe).ToList();
        return errors.Count == 0
            ? Response(uid, allowed: true, warnings: warnings)
            : Response(uid, allowed: false, code: 422, warnings: warnings, message:
                $"DataPlatformEnvironment {environment.Metadata.Name} is invalid ({errors.Count} errors): "
                + string.Join("; ", errors.Select(Describe)));
    }

    /// <summary>The same review answered with a denial (HTTP status 403 in the response, as for a policy refusal), keeping its warnings.</summary>
    public static JsonObject Deny(JsonObject review, string message)
    {
        ArgumentNullException.ThrowIfNull(review);
        var response = (JsonObject)review["response"]!;
        response["allowed"] = false;
        response["status"] = new JsonObject { ["code"] = 403, ["message"] = message };
        return review;
    }

    private static string Describe(Violation violation) => $"{violation.Field}: {violation.Rule}: {violation.Message}";

    private static JsonObject Response(string uid, bool allowed, int code = 200, string? message = null, IReadOnlyList<string>? warnings = null)
    {
        var response = new JsonObject { ["uid"] = uid, ["allowed"] = allowed };
        if (!allowed)
        {
            response["status"] = new JsonObject { ["code"] = code, ["message"] = message };
        }

        if (warnings is { Count: > 0 })
        {
            response["warnings"] = new JsonArray(warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
        }

        return new JsonObject
        {
            ["apiVersion"] = "admission.k8s.io/v1",
            ["kind"] = "AdmissionReview",
            ["response"] = response,
        };
    }
}
