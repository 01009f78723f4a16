using System.Text;
using System.Text.Json.Nodes;
using Cel;

namespace DataPlatform.Operator.Crd.Validation;

/// <summary>
/// Compiles <c>x-kubernetes-validations</c> rules with the CEL library (NuGet <c>Cel</c>, tested by its authors
/// against the cel-spec conformance suite). The Kubernetes CEL libraries the API server adds are registered here
/// where our rules use them: the strings extension's <c>lowerAscii()</c>, <c>upperAscii()</c> and <c>trim()</c>.
/// </summary>
internal sealed class CelRuleCompiler
{
    private readonly CelEnvironment _environment = new(null, null);
    private readonly object _gate = new();

    public CelRuleCompiler()
    {
        _environment.RegisterFunction("lowerAscii", [typeof(object)], args => MapAscii(Text(args[0], "lowerAscii"), upper: false));
        _environment.RegisterFunction("upperAscii", [typeof(object)], args => MapAscii(Text(args[0], "upperAscii"), upper: true));
        _environment.RegisterFunction("trim", [typeof(object)], args => Text(args[0], "trim").Trim());
    }

    public CelRule Compile(JsonObject entry, string schemaPath)
    {
        var rule = entry["rule"]?.GetValue<string>() ?? "";
        var message = entry["message"]?.GetValue<string>();
        var reason = entry["reason"]?.GetValue<string>();
        var fieldPath = entry["fieldPath"]?.GetValue<string>();
        CelProgramDelegate? program = null;
        string? error = null;
        try
        {
            lock (_gate)
            {
                program = _environment.Compile(rule);
            }
        }
        catch (Exception e) when (e is CelException or ArgumentException)
        {
            error = e.Message;
        }

        return new CelRule(rule, message, reason, fieldPath, schemaPath, program, error, _gate);
    }

    /// <summary>
    /// Compiles a free-standing CEL expression over named variables (an admission webhook's
    /// <c>matchConditions</c> over <c>object</c>, <c>oldObject</c> and <c>request</c>); throws on a compile error.
    /// </summary>
    public Func<IDictionary<string, object?>, object?> CompileExpression(string expression)
    {
        CelProgramDelegate program;
        lock (_gate)
        {
            program = _environment.Compile(expression);
        }

        return variables =>
        {
            lock (_gate)
            {
                return program(variables);
            }
        };
    }

    /// <summary>
    /// The receiver as a string. The library hands a missing field (<c>self.x</c> with no <c>x</c>) to a function as
    /// its internal no-such-field value; report it as the missing-key error it is (cel-go: "no such key: x").
    /// </summary>
    private static string Text(object? receiver, string function) => receiver switch
    {
        string s => s,
        not null when receiver.GetType().Name == "CelNoSuchField" =>
            throw new CelNoSuchFieldException(receiver.GetType().GetProperty("Message")?.GetValue(receiver) as string ?? "no such key"),
        _ => throw new CelNoSuchOverloadException($"found no matching overload for '{function}' applied to '({receiver?.GetType().Name ?? "null"})'"),
    };

    /// <summary>cel-go's strings extension: only ASCII letters change case, every other rune is kept.</summary>
    internal static string MapAscii(string value, bool upper)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(upper
                ? c is >= 'a' and <= 'z' ? (char)(c - 32) : c
                : c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
        }

        return builder.ToString();
    }
}
