using System.Text.Json.Nodes;
using DataPlatform.Operator.Crd;

namespace DataPlatform.Operator.Tests.Crd;

public sealed class CrdGeneratorTests
{
    [Fact]
    public void Checked_in_crd_matches_the_entity_types()
    {
        var generated = CrdGenerator.GenerateYaml();
        var checkedIn = File.ReadAllText(CrdSchemas.CheckedInCrdPath);

        Assert.True(
            generated == checkedIn,
            $"{CrdGenerator.RelativePath} drifted from src/Entities. Regenerate it with: "
            + $"dotnet run --project src/Operator -- generate-crd --out {CrdGenerator.RelativePath} --out charts/dataplatform-operator/files/crd.yaml\n"
            + FirstDifference(checkedIn, generated));
    }

    [Fact]
    public void Crd_is_a_valid_kubernetes_1_33_CustomResourceDefinition()
    {
        var errors = CrdSchemas.KubernetesCrd.Validate(CrdSchemas.CheckedInCrd().ToJsonString());

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Kubernetes_schema_check_rejects_a_misspelt_schema_keyword()
    {
        var crd = CrdSchemas.CheckedInCrd();
        var spec = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!.AsObject();
        spec["propertiez"] = spec["properties"]!.DeepClone();

        Assert.NotEmpty(CrdSchemas.KubernetesCrd.Validate(crd.ToJsonString()));
    }

    [Fact]
    public void Crd_declares_names_scope_status_subresource_and_printer_columns()
    {
        var crd = CrdSchemas.CheckedInCrd();
        var spec = crd["spec"]!;
        var version = spec["versions"]![0]!;

        Assert.Equal("dataplatformenvironments.dataplatform.io", (string?)crd["metadata"]!["name"]);
        Assert.Equal("Namespaced", (string?)spec["scope"]);
        Assert.Equal(["dpe"], spec["names"]!["shortNames"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["dataplatform"], spec["names"]!["categories"]!.AsArray().Select(n => (string?)n));
        Assert.NotNull(version["subresources"]!["status"]);
        var columns = version["additionalPrinterColumns"]!.AsArray();
        Assert.Equal(["Ready", "Phase", "Region", "Endpoint", "Reason", "Age", "Message"], columns.Select(c => (string?)c!["name"]));
        Assert.Equal(["Message"], columns.Where(c => c!["priority"] is not null && c["priority"]!.ToString() != "0").Select(c => (string?)c!["name"]));
        Assert.Equal(".status.conditions[?(@.type==\"Ready\")].reason", (string?)columns.Single(c => (string?)c!["name"] == "Reason")!["jsonPath"]);
    }

    [Fact]
    public void Every_spec_and_status_field_has_a_description_for_kubectl_explain()
    {
        var missing = new List<string>();
        var root = CrdSchemas.CheckedInCrd()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
        Walk(root["properties"]!["spec"]!, "spec", missing);
        Walk(root["properties"]!["status"]!, "status", missing);

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("spec.network.azCount", "3")]
    [InlineData("spec.database.masterUsername", "\"dbadmin\"")]
    [InlineData("spec.database.storageType", "\"gp3\"")]
    [InlineData("spec.database.deletionProtection", "true")]
    [InlineData("spec.database.skipFinalSnapshot", "false")]
    [InlineData("spec.artifacts.versioning", "true")]
    [InlineData("spec.cache.transitEncryption", "true")]
    [InlineData("spec.cache.atRestEncryption", "true")]
    [InlineData("spec.deletionPolicy", "\"Delete\"")]
    public void Safe_defaults_are_schema_defaults(string path, string expectedJson)
    {
        JsonNode node = CrdSchemas.CheckedInCrd()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
        foreach (var part in path.Split('.'))
        {
            node = node["properties"]![part]!;
        }

        Assert.Equal(expectedJson, node["default"]!.ToJsonString());
    }

    [Fact]
    public void Cross_field_rules_are_cel_validations()
    {
        var yaml = File.ReadAllText(CrdSchemas.CheckedInCrdPath);

        Assert.Contains("self.minCapacity <= self.maxCapacity", yaml, StringComparison.Ordinal);
        Assert.Contains("!self.authEnabled || self.transitEncryption", yaml, StringComparison.Ordinal);
        Assert.Contains("self == oldSelf", yaml, StringComparison.Ordinal);
    }

    private static void Walk(JsonNode schema, string path, List<string> missing)
    {
        if (schema["description"] is null)
        {
            missing.Add(path);
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                Walk(child!, path + "." + name, missing);
            }
        }

        if (schema["items"] is JsonObject items && items["properties"] is not null)
        {
            foreach (var (name, child) in items["properties"]!.AsObject())
            {
                Walk(child!, path + "[]." + name, missing);
            }
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                return $"first difference at line {i + 1}:\n  checked in: {left}\n  generated:  {right}";
            }
        }

        return "";
    }
}
