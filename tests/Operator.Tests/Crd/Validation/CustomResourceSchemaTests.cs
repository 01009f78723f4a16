using System.Text.Json.Nodes;
using DataPlatform.Operator.Crd;
using DataPlatform.Operator.Crd.Validation;
using DataPlatform.TestSupport;

namespace DataPlatform.Operator.Tests.Crd.Validation;

public sealed class CustomResourceSchemaTests
{
    private static readonly Lazy<CustomResourceSchema> Checked = new(() =>
        CustomResourceSchema.Load(File.ReadAllText(RepoPaths.InRepo(CrdGenerator.RelativePath.Split('/')))));

    private static JsonNode Environment(string spec) => JsonNode.Parse(
        $$"""{"apiVersion":"dataplatform.io/v1alpha1","kind":"DataPlatformEnvironment","metadata":{"name":"dev"},"spec":{{spec}}}""")!;

    [Fact]
    public void Defaults_fill_nested_sections_and_unknown_fields_are_pruned()
    {
        var result = Checked.Value.Admit(Environment("""{"region":"eu-west-1","bogus":1,"database":{"masterUsername":"owner","nope":null}}"""));

        Assert.True(result.Allowed, string.Join("; ", result.Causes));
        Assert.Equal(["spec.bogus", "spec.database.nope"], result.UnknownFields);
        Assert.Equal(900, result.Object["spec"]!["stack"]!["retry"]!["maxDelaySeconds"]!.GetValue<int>());
        Assert.Equal("owner", result.Object["spec"]!["database"]!["masterUsername"]!.GetValue<string>());
        Assert.Equal("aurora-postgresql", result.Object["spec"]!["database"]!["engine"]!.GetValue<string>());
        Assert.False(result.Object["spec"]!.AsObject().ContainsKey("bogus"));
    }

    [Fact]
    public void Strict_field_validation_refuses_unknown_fields_with_their_paths()
    {
        var result = Checked.Value.Admit(Environment("""{"region":"eu-west-1","bogus":1}"""), strict: true);

        Assert.False(result.Allowed);
        Assert.Equal("strict decoding error: unknown field \"spec.bogus\"", result.StrictDecodingMessage);
    }

    [Fact]
    public void Non_nullable_null_is_pruned_then_defaulted()
    {
        var result = Checked.Value.Admit(Environment("""{"region":"eu-west-1","deletionPolicy":null,"paused":null}"""));

        Assert.True(result.Allowed, string.Join("; ", result.Causes));
        Assert.Equal("Delete", result.Object["spec"]!["deletionPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Cel_rule_failure_names_the_field_and_the_rules_message()
    {
        var result = Checked.Value.Admit(Environment("""{"region":"eu-west-1","database":{"masterUsername":"Admin"}}"""));

        var cause = Assert.Single(result.Causes);
        Assert.Equal("spec.database.masterUsername", cause.Field);
        Assert.Equal(FieldCause.Invalid, cause.Reason);
        Assert.StartsWith("Invalid value: \"object\": database.masterUsername is a reserved word", cause.Message);
    }

    [Fact]
    public void OpenApi_failures_use_the_api_servers_reasons_and_skip_cel()
    {
        var result = Checked.Value.Admit(Environment("""{"region":"Europe","deletionPolicy":"Keep","tags":{"aws:x":"y"}}"""));

        Assert.Contains(result.Causes, c => c is { Field: "spec.region", Reason: FieldCause.Invalid } && c.Message.Contains("spec.region in body should match", StringComparison.Ordinal));
        Assert.Contains(result.Causes, c => c is { Field: "spec.deletionPolicy", Reason: FieldCause.NotSupported, Message: "Unsupported value: \"Keep\": supported values: \"Delete\", \"Retain\"" });
        Assert.Contains(result.Causes, c => c.Message.Contains("some validation rules were not checked", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Causes, c => c.Field == "spec.tags");
    }

    [Fact]
    public void Missing_required_field_is_reported_as_required()
    {
        var result = Checked.Value.Admit(Environment("{}"));

        Assert.Contains(result.Causes, c => c is { Field: "spec.region", Reason: FieldCause.Required, Message: "Required value" });
    }

    [Fact]
    public void Transition_rule_uses_old_self_on_update_only()
    {
        var old = Checked.Value.Admit(Environment("""{"region":"eu-west-1"}""")).Object;

        var moved = Checked.Value.Admit(Environment("""{"region":"eu-west-2"}"""), old);
        var created = Checked.Value.Admit(Environment("""{"region":"eu-west-2"}"""));

        var cause = Assert.Single(moved.Causes);
        Assert.Equal("spec.region", cause.Field);
        Assert.Contains("region is immutable", cause.Message, StringComparison.Ordinal);
        Assert.True(created.Allowed);
    }

    [Fact]
    public void Ratcheting_ignores_errors_on_unchanged_values_but_not_on_changed_ones()
    {
        var stricter = CustomResourceSchema.Load(File.ReadAllText(RepoPaths.InRepo(CrdGenerator.RelativePath.Split('/')))
            .Replace("maxLength: 32\n", "maxLength: 5\n", StringComparison.Ordinal));
        var old = Checked.Value.Admit(Environment("""{"region":"eu-west-1"}""")).Object;

        var paused = stricter.Admit(Environment("""{"region":"eu-west-1","paused":true}"""), old);
        var noRatcheting = stricter.WithRatcheting(false).Admit(Environment("""{"region":"eu-west-1","paused":true}"""), old);

        Assert.True(paused.Allowed, string.Join("; ", paused.Causes));
        Assert.Contains(noRatcheting.Causes, c => c is { Field: "spec.region", Reason: FieldCause.TooLong });
    }

    [Fact]
    public void Map_comprehension_with_lowerAscii_follows_the_kubernetes_strings_library()
    {
        var result = Checked.Value.Admit(Environment("""{"region":"eu-west-1","tags":{"AWS:team":"x"}}"""));

        var cause = Assert.Single(result.Causes);
        Assert.Equal("spec.tags", cause.Field);
        Assert.Contains("tag keys must not start with 'aws:'", cause.Message, StringComparison.Ordinal);
        Assert.Equal("tacoc\u00c6t", CelRuleCompiler.MapAscii("TacoC\u00c6t", upper: false));
    }

    [Fact]
    public void Object_default_whose_rule_reads_a_missing_key_fails_the_definition_check()
    {
        var crd = File.ReadAllText(RepoPaths.InRepo(CrdGenerator.RelativePath.Split('/')));
        var start = crd.IndexOf("                    default:\n                      baseDelaySeconds: 30", StringComparison.Ordinal);
        Assert.True(start > 0, "the retry default is written out in full");
        var end = crd.IndexOf("                default:", start + 10, StringComparison.Ordinal);
        var broken = crd[..start] + "                    default: {}\n" + crd[end..];

        var causes = CustomResourceSchema.Load(broken).ValidateDefinition();

        var cause = Assert.Single(causes);
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[stack].properties[retry].default", cause.Field);
        Assert.Equal("Invalid value: \"object\": no such key: baseDelaySeconds evaluating rule: retry.baseDelaySeconds must not exceed retry.maxDelaySeconds.", cause.Message);
    }

    [Fact]
    public void Unbounded_list_of_strings_walked_by_a_string_function_exceeds_the_cost_limit()
    {
        const string crd = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: things.example.io}
            spec:
              group: example.io
              names: {kind: Thing, plural: things}
              scope: Namespaced
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          names:
                            type: array
                            items: {type: string}
                            x-kubernetes-validations:
                            - rule: self.all(n, n.lowerAscii().startsWith('x'))
            """;

        var causes = CustomResourceSchema.Load(crd).ValidateDefinition();

        Assert.Contains(causes, c => c.Reason == FieldCause.Forbidden && c.Message.Contains("estimated rule cost exceeds budget", StringComparison.Ordinal));
        var bounded = crd.Replace("items: {type: string}", "items: {type: string, maxLength: 64}", StringComparison.Ordinal)
            .Replace("type: array", "type: array\n" + new string(' ', crd.Split('\n').Single(l => l.Contains("type: array", StringComparison.Ordinal)).IndexOf('t', StringComparison.Ordinal)) + "maxItems: 10", StringComparison.Ordinal);
        Assert.Empty(CustomResourceSchema.Load(bounded).ValidateDefinition());
    }
}
