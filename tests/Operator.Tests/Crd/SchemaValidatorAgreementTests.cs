using System.Text.Json.Nodes;
using DataPlatform.Stack.Tests.Validation;

namespace DataPlatform.Operator.Tests.Crd;

/// <summary>
/// The CRD schema and the pre-flight validator agree on the validation corpus: what the corpus marks as schema
/// enforceable is rejected by the CRD's openAPIV3Schema (so kubectl apply refuses it without the webhook), what it
/// marks as CEL has an x-kubernetes-validations rule on that field or its parent, and every valid edge case passes.
/// </summary>
public sealed class SchemaValidatorAgreementTests
{
    public static TheoryData<string> OpenApiCases() => Cases("openapi");

    public static TheoryData<string> CelCases() => Cases("cel");

    public static TheoryData<string> ValidCases() => new(ValidationCorpus.Valid.Select(c => (string)c["name"]!));

    [Theory]
    [MemberData(nameof(OpenApiCases))]
    public void Schema_rejects_what_the_corpus_marks_schema_enforceable(string name)
    {
        Assert.NotEmpty(CrdSchemas.Errors(CrdSchemas.Environment, ValidationCorpus.Manifest(name)));
    }

    [Theory]
    [MemberData(nameof(CelCases))]
    public void Crd_has_a_cel_rule_for_what_the_corpus_marks_cel(string name)
    {
        var field = (string)ValidationCorpus.Case(name)["field"]!;
        var parts = field.Split('.');
        JsonNode node = CrdSchemas.CheckedInCrd()["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
        var chain = new List<(string Name, JsonNode Node)> { ("", node) };
        foreach (var part in parts)
        {
            if (node["properties"]?[part] is not JsonNode child)
            {
                break;
            }

            node = child;
            chain.Add((part, child));
        }

        var leaf = chain[^1].Name;
        var rules = chain.TakeLast(2).SelectMany(c => c.Node["x-kubernetes-validations"] as JsonArray ?? []).Select(r => r!.ToJsonString());

        Assert.Contains(rules, r => chain[^1].Node["x-kubernetes-validations"] is not null || r.Contains(leaf, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Schema_accepts_every_valid_edge_case(string name)
    {
        Assert.Empty(CrdSchemas.Errors(CrdSchemas.Environment, ValidationCorpus.Manifest(name)));
    }

    private static TheoryData<string> Cases(string schema) =>
        new(ValidationCorpus.Invalid.Where(c => (string?)c["schema"] == schema).Select(c => (string)c["name"]!));
}
