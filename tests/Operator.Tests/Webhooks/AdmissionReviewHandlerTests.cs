using System.Text.Json.Nodes;
using DataPlatform.Entities;
using DataPlatform.Operator.Engine.Jobs;
using DataPlatform.Operator.Webhooks;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Tests.Webhooks;

public sealed class AdmissionReviewHandlerTests
{
    private static readonly AdmissionReviewHandler Handler = new(Rules);

    [Fact]
    public void Valid_object_is_allowed_and_keeps_the_uid()
    {
        var response = Handler.Handle(Review("CREATE", Environment("dbadmin")))["response"]!;

        Assert.Equal("705ab4f5-6393-11e8-b7cc-42010a800002", (string?)response["uid"]);
        Assert.True((bool)response["allowed"]!);
    }

    [Fact]
    public void Invalid_object_is_denied_with_the_field_and_rule()
    {
        var response = Handler.Handle(Review("UPDATE", Environment("admin")))["response"]!;

        Assert.False((bool)response["allowed"]!);
        Assert.Equal(422, (int)response["status"]!["code"]!);
        var message = (string)response["status"]!["message"]!;
        Assert.Contains("spec.database.masterUsername", message, StringComparison.Ordinal);
        Assert.Contains("rds.masterUsername.reserved.admin", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_returned_as_admission_warnings()
    {
        var response = Handler.Handle(Review("CREATE", Environment("dbadmin", region: "eu-south-2")))["response"]!;

        Assert.True((bool)response["allowed"]!);
        Assert.Contains("region.optIn", (string)response["warnings"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_in_the_object_is_denied_naming_it()
    {
        var obj = Environment("dbadmin");
        obj["spec"]!["databse"] = new JsonObject();

        var response = Handler.Handle(Review("CREATE", obj))["response"]!;

        Assert.False((bool)response["allowed"]!);
        Assert.Contains("spec.databse", (string)response["status"]!["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{}", "no request")]
    [InlineData("{\"request\": {\"operation\": \"CREATE\"}}", "no uid")]
    [InlineData("{\"request\": {\"uid\": \"1\", \"operation\": \"CREATE\"}}", "no object")]
    public void Malformed_review_is_denied_with_a_reason(string body, string expected)
    {
        var response = Handler.Handle(body)["response"]!;

        Assert.False((bool)response["allowed"]!);
        Assert.Contains(expected, (string)response["status"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_validator_denies_the_reserved_username_naming_field_and_rule()
    {
        var response = AdmissionReviewHandler.Preflight().Handle(Review("CREATE", Environment("admin")))["response"]!;

        Assert.False((bool)response["allowed"]!);
        Assert.Contains("spec.database.masterUsername: rds.masterUsername.reserved.admin", (string)response["status"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_handler_denies_an_engine_size_above_the_operators_bound_naming_field_bound_and_setting()
    {
        var obj = Environment("dbadmin");
        obj["spec"]!["stack"] = new JsonObject { ["engine"] = new JsonObject { ["resources"] = new JsonObject { ["memoryLimit"] = "12Gi" } } };
        var handler = AdmissionReviewHandler.Preflight(new JobEngineOptions { MaxMemory = "8Gi" });

        var response = handler.Handle(Review("CREATE", obj.DeepClone().AsObject()))["response"]!;

        Assert.False((bool)response["allowed"]!);
        Assert.Equal(422, (int)response["status"]!["code"]!);
        Assert.Equal(
            "DataPlatformEnvironment env is invalid (1 errors): spec.stack.engine.resources.memoryLimit: dataplatform.engine.bounds: memoryLimit 12Gi is above 8Gi, "
            + "the most the operator allows (operator setting Engine:Job:MaxMemory, chart value engine.job.maxMemory).",
            (string)response["status"]!["message"]!);
        obj["spec"]!["stack"]!["engine"]!["resources"]!["memoryLimit"] = "8192Mi";
        Assert.True((bool)handler.Handle(Review("CREATE", obj))["response"]!["allowed"]!);
    }

    [Fact]
    public void Delete_is_always_allowed()
    {
        var response = Handler.Handle(Review("DELETE", null))["response"]!;

        Assert.True((bool)response["allowed"]!);
    }

    private static ValidationReport Rules(V1Alpha1DataPlatformEnvironment environment)
    {
        var findings = new List<Violation>();
        if (environment.Spec.Database.MasterUsername == "admin")
        {
            findings.Add(Violation.Error("spec.database.masterUsername", "rds.masterUsername.reserved.admin", "admin is reserved."));
        }

        if (environment.Spec.Region == "eu-south-2")
        {
            findings.Add(Violation.Warning("spec.region", "region.optIn", "eu-south-2 is an opt-in region."));
        }

        return new ValidationReport(findings);
    }

    private static JsonObject Environment(string user, string region = "eu-west-1") => new()
    {
        ["apiVersion"] = "dataplatform.io/v1alpha1",
        ["kind"] = "DataPlatformEnvironment",
        ["metadata"] = new JsonObject { ["name"] = "env", ["namespace"] = "team", ["creationTimestamp"] = null },
        ["spec"] = new JsonObject { ["region"] = region, ["database"] = new JsonObject { ["masterUsername"] = user } },
    };

    private static string Review(string operation, JsonObject? obj) => new JsonObject
    {
        ["apiVersion"] = "admission.k8s.io/v1",
        ["kind"] = "AdmissionReview",
        ["request"] = new JsonObject
        {
            ["uid"] = "705ab4f5-6393-11e8-b7cc-42010a800002",
            ["kind"] = new JsonObject { ["group"] = "dataplatform.io", ["version"] = "v1alpha1", ["kind"] = "DataPlatformEnvironment" },
            ["resource"] = new JsonObject { ["group"] = "dataplatform.io", ["version"] = "v1alpha1", ["resource"] = "dataplatformenvironments" },
            ["name"] = "env",
            ["namespace"] = "team",
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "admin", ["groups"] = new JsonArray("system:authenticated") },
            ["object"] = obj,
            ["oldObject"] = null,
            ["dryRun"] = false,
        },
    }.ToJsonString();
}
