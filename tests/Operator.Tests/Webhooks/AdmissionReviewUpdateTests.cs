using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Operator.Webhooks;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Tests.Webhooks;

/// <summary>An UPDATE is judged on what it changes, so stricter rules never trap an existing object.</summary>
public sealed class AdmissionReviewUpdateTests
{
    private static readonly AdmissionReviewHandler Handler = new(Rules);

    private static ValidationReport Rules(V1Alpha1DataPlatformEnvironment environment)
    {
        var findings = new List<Violation>();
        if (environment.Spec.Database.MasterUsername == "admin")
        {
            findings.Add(Violation.Error("spec.database.masterUsername", "rds.masterUsername.reserved.admin", "admin is reserved."));
        }

        if (environment.Spec.Region == "eu-west-3")
        {
            findings.Add(Violation.Error("spec.region", "region.unsupported", "eu-west-3 is not supported."));
        }

        return new ValidationReport(findings);
    }

    [Fact]
    public void Removing_the_finalizer_from_an_object_that_became_invalid_is_allowed()
    {
        var old = Environment("admin", finalizers: ["dataplatform.io/finalizer"], deleting: true);
        var updated = Environment("admin", finalizers: [], deleting: true);

        Assert.True(Allowed(Review("UPDATE", updated, old)));
    }

    [Fact]
    public void Label_and_annotation_updates_leave_the_spec_and_are_allowed()
    {
        var old = Environment("admin");
        var updated = Environment("admin");
        updated["metadata"]!["annotations"] = new JsonObject { [V1Alpha1DataPlatformEnvironment.ReconcileRequestAnnotation] = "retry-1" };

        Assert.True(Allowed(Review("UPDATE", updated, old)));
    }

    [Fact]
    public void A_spec_change_is_judged_only_on_errors_it_introduces()
    {
        var old = Environment("admin");
        var paused = Environment("admin");
        paused["spec"]!["paused"] = true;
        var moved = Environment("admin", region: "eu-west-3");

        Assert.True(Allowed(Review("UPDATE", paused, old)));
        var denied = Handler.Handle(Review("UPDATE", moved, old))["response"]!;
        Assert.False((bool)denied["allowed"]!);
        var message = (string)denied["status"]!["message"]!;
        Assert.Contains("spec.region", message, StringComparison.Ordinal);
        Assert.DoesNotContain("masterUsername", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_old_object_the_whole_spec_is_judged()
    {
        Assert.False(Allowed(Review("CREATE", Environment("admin"), null)));
    }

    private static bool Allowed(string review) => (bool)Handler.Handle(review)["response"]!["allowed"]!;

    private static JsonObject Environment(string user, string region = "eu-west-1", string[]? finalizers = null, bool deleting = false)
    {
        var metadata = new JsonObject { ["name"] = "env", ["namespace"] = "team" };
        if (finalizers is not null)
        {
            metadata["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }

        if (deleting)
        {
            metadata["deletionTimestamp"] = "2026-01-01T00:00:00Z";
        }

        return new JsonObject
        {
            ["apiVersion"] = "dataplatform.io/v1alpha1",
            ["kind"] = "DataPlatformEnvironment",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["region"] = region, ["database"] = new JsonObject { ["masterUsername"] = user } },
        };
    }

    private static string Review(string operation, JsonObject obj, JsonObject? old) => new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = "705ab4f5-6393-11e8-b7cc-42010a800002",
            ["operation"] = operation,
            ["object"] = obj.DeepClone(),
            ["oldObject"] = old?.DeepClone(),
        },
    }.ToJsonString();
}
