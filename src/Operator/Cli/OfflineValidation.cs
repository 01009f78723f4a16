using DataPlatform.Stack.Input;
using DataPlatform.Stack.Validation;

namespace DataPlatform.Operator.Cli;

/// <summary>
/// What <c>validate</c> and <c>plan</c> check without a cluster, in the API server's order: the structure (reading),
/// the schema's value rules and name rules, then the pre-flight rules. A pre-flight rule can crash only on a bug;
/// that is one line naming the document, never a stack trace.
/// </summary>
internal static class OfflineValidation
{
    public static IReadOnlyList<Violation> Check(EnvironmentReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Environment is not { } environment)
        {
            return read.Problems.Select(ToViolation).ToList();
        }

        var schema = read.Document is null ? [] : EnvironmentReader.SchemaProblems(read.Document).Select(ToViolation).ToList();
        try
        {
            return [.. schema, .. PreflightValidator.Validate(environment).Violations];
        }
#pragma warning disable CA1031 // One clear line instead of a crash; the fuzz test asserts this never happens.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [.. schema, Violation.Error("(document)", "internal.preflight", "the pre-flight rules failed on this document; please report it with the file.")];
        }
    }

    private static Violation ToViolation(InputProblem problem) => Violation.Error(problem.Field, problem.Rule, problem.Message);
}
