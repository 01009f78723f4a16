using System.Text.Json.Nodes;
using DataPlatform.Entities;

namespace DataPlatform.Stack.Input;

/// <summary>The outcome of reading a manifest: the entity, or the problems, each naming the field.</summary>
public sealed record EnvironmentReadResult(V1Alpha1DataPlatformEnvironment? Environment, IReadOnlyList<InputProblem> Problems)
{
    /// <summary>The document as read (nulls pruned), for the schema's value rules; null when it did not read.</summary>
    public JsonObject? Document { get; init; }

    /// <summary>The problems as one line, or null when the manifest was read.</summary>
    public string? Error => Problems.Count == 0 ? null : string.Join("; ", Problems);

    public static EnvironmentReadResult Ok(V1Alpha1DataPlatformEnvironment environment, JsonObject document) => new(environment, []) { Document = document };

    public static EnvironmentReadResult Fail(string field, string rule, string message) => new(null, [new InputProblem(field, rule, message)]);

    public static EnvironmentReadResult Fail(IReadOnlyList<InputProblem> problems) => new(null, problems);
}
