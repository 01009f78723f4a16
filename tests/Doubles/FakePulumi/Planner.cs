using System.Text.Json.Nodes;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// Decides the steps of an up or preview the way the engine's step generator does: a resource new to the state is a
/// create; one whose inputs equal the state's is a same; otherwise the changed properties are diffed and the
/// provider's replace keys (<see cref="ForceNew"/>) make it a replace, else an update; a resource in the state but not
/// in the program is a delete. A property that reads an output of a resource being replaced is unknown during the
/// plan, so it counts as changed (the real engine diffs it as computed).
/// </summary>
internal static class Planner
{
    public static List<Step> Plan(ProjectProgram program, JsonObject resources)
    {
        var steps = new List<Step>();
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var declared = program.Declared();
        foreach (var resource in declared)
        {
            var old = resources[resource.Name]?.AsObject();
            var step = new Step("create", resource.Type, resource.Name, resource.Inputs) { Properties = resource.Properties, Protect = resource.Protect };
            if (old is null)
            {
                steps.Add(step);
                continue;
            }

            var wasProtected = (bool?)old["protect"] ?? false;
            var diffs = Diffs(resource.Properties, old["properties"] as JsonObject, replaced);
            if (diffs.Count == 0 && (string?)old["inputs"] != resource.Inputs)
            {
                // State written without per-property inputs (an import): the fingerprint says it changed, not which property.
                diffs = ["*"];
            }

            var keys = ForceNew.Keys(resource.Type, diffs);
            var op = diffs.Count == 0 ? "same" : keys.Count > 0 ? "replace" : "update";
            if (op == "replace")
            {
                replaced.Add(resource.Name);
            }

            steps.Add(step with { Op = op, WasProtected = wasProtected, Diffs = diffs, Keys = keys });
        }

        steps.AddRange(resources.Where(r => declared.All(d => d.Name != r.Key)).Select(r => new Step("delete", (string)r.Value!["type"]!, r.Key, (string)r.Value["inputs"]!)
        {
            Properties = r.Value["properties"]?.DeepClone().AsObject() ?? new JsonObject(),
            WasProtected = (bool?)r.Value["protect"] ?? false,
        }));
        return steps;
    }

    private static List<string> Diffs(JsonObject properties, JsonObject? old, HashSet<string> replaced)
    {
        if (old is null)
        {
            return [];
        }

        var names = properties.Select(p => p.Key).Union(old.Select(p => p.Key)).Order(StringComparer.Ordinal);
        return names.Where(name =>
        {
            var now = (string?)properties[name];
            return now != (string?)old[name] || (now is not null && replaced.Any(r => ReadsOutputOf(now, r)));
        }).ToList();
    }

    private static bool ReadsOutputOf(string text, string resource) =>
        text.Contains("${" + resource + ".", StringComparison.Ordinal) || text.Contains("${" + resource + "}", StringComparison.Ordinal);
}
