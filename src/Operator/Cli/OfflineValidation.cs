using DataPlatform.Operator.Crd;
using DataPlatform.Operator.Crd.Validation;
using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// What <c>validate</c> and <c>plan</c> check without a cluster, in the API server's order: the structure (reading:
/// unknown fields, types, enums), the name rules, the CRD's schema with its CEL rules (the same
/// <see cref="CustomResourceSchema"/> the fake API server applies to every write, loaded from the CRD generated from
/// the entity types), then the pre-flight rules. A crash of a later step is one line naming the step, never a stack
/// trace (the fuzz test asserts it never happens).
/// </summary>
internal static class OfflineValidation
{
    private static readonly Lazy<CustomResourceSchema> Schema = new(() => CustomResourceSchema.Load(CrdGenerator.GenerateYaml()));

    public static IReadOnlyList<Violation> Check(EnvironmentReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Environment is not { } environment || read.Document is not { } document)
        {
            return read.Problems.Select(p => Violation.Error(p.Field, p.Rule, p.Message)).ToList();
        }

        var schema = EnvironmentReader.NameProblems(document).Select(p => Violation.Error(p.Field, p.Rule, p.Message)).ToList();
        try
        {
            schema.AddRange(Schema.Value.Admit(document).Causes.Select(c => Violation.Error(Field(c.Field), Rule(c), c.Message)));
        }
#pragma warning disable CA1031 // One clear line instead of a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            schema.Add(Violation.Error("(document)", "internal.schema", "the CRD schema check failed on this document; please report it with the file."));
        }

        try
        {
            return [.. schema, .. PreflightValidator.Validate(environment).Violations];
        }
#pragma warning disable CA1031 // One clear line instead of a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [.. schema, Violation.Error("(document)", "internal.preflight", "the pre-flight rules failed on this document; please report it with the file.")];
        }
    }

    /// <summary>The API server's reason as a rule id: crd.invalid (patterns, ranges, CEL rules), crd.required, crd.enum ...</summary>
    private static string Rule(FieldCause cause) => cause.Reason switch
    {
        FieldCause.Required => "crd.required",
        FieldCause.NotSupported => "crd.enum",
        FieldCause.TooLong => "crd.maxLength",
        FieldCause.TooMany => "crd.maxItems",
        FieldCause.TypeInvalid => "crd.type",
        FieldCause.Forbidden => "crd.forbidden",
        FieldCause.Duplicate => "crd.duplicate",
        _ => "crd.invalid",
    };

    /// <summary>The field as the API server writes it (map keys in brackets: <c>spec.tags[team]</c>); (document) for the root.</summary>
    private static string Field(string field) => field.Length == 0 ? "(document)" : field;
}
