using System.Text.Json.Nodes;
using Cel;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// One <c>x-kubernetes-validations</c> entry, compiled by the CEL library: the rule, its message, reason and
/// fieldPath, and whether it is a transition rule (reads <c>oldSelf</c>, so it runs only on UPDATE where an old
/// value exists).
/// </summary>
internal sealed class CelRule(
    string rule,
    string? message,
    string? reason,
    string? fieldPath,
    string schemaPath,
    CelProgramDelegate? program,
    string? compileError,
    object gate)
{
    public string Rule { get; } = rule;

    public string? Message { get; } = message;

    /// <summary>FieldValueInvalid unless the rule says FieldValueForbidden, FieldValueRequired or FieldValueDuplicate.</summary>
    public string Reason { get; } = reason ?? FieldCause.Invalid;

    /// <summary>A JSON path relative to the node (<c>.spec.x</c>) that the error is reported on instead of the node.</summary>
    public string? FieldPath { get; } = fieldPath;

    public string SchemaPath { get; } = schemaPath;

    public string? CompileError { get; } = compileError;

    public bool IsTransitionRule { get; } = CelValues.MentionsOldSelf(rule);

    /// <summary>The message the API server shows when the rule is false: its message or "failed rule: {rule}".</summary>
    public string FailureMessage => Message ?? $"failed rule: {Rule}";

    /// <summary>
    /// Evaluates the rule with <c>self</c> (and <c>oldSelf</c>). Returns null when the rule holds, otherwise the
    /// detail the API server writes after <c>Invalid value: "type": </c>.
    /// </summary>
    public string? Evaluate(JsonNode? self, SchemaNode schema, JsonNode? oldSelf)
    {
        if (program is null)
        {
            return $"compilation failed: {CompileError}";
        }

        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["self"] = CelValues.From(self, schema),
        };
        if (IsTransitionRule)
        {
            variables["oldSelf"] = CelValues.From(oldSelf, schema);
        }

        object? result;
        try
        {
            lock (gate)
            {
                result = program(variables);
            }
        }
        catch (Exception e) when (e is CelException or InvalidCastException or KeyNotFoundException or ArgumentException)
        {
            return $"{CelValues.DescribeError(e)} evaluating rule: {Message ?? Rule}";
        }

        return result switch
        {
            true => null,
            false => FailureMessage,
            _ => $"rule did not evaluate to a bool evaluating rule: {Message ?? Rule}",
        };
    }
}
