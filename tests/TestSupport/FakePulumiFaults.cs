using System.Text.Json.Nodes;

namespace DataPlatform.TestSupport;

/// <summary>Writes the fake pulumi's fault script (tests/Doubles/FakePulumi/SEMANTICS.md, "Faults").</summary>
internal static class FakePulumiFaults
{
    public static void Write(string path, IEnumerable<(string Command, string Kind, int DelayMs)> faults) =>
        Write(path, faults.Select(f => (f.Command, f.Kind, f.DelayMs, (string?)null)));

    /// <summary>Faults that may name the resource whose step fails (null: the third step).</summary>
    public static void Write(string path, IEnumerable<(string Command, string Kind, int DelayMs, string? Resource)> faults) =>
        File.WriteAllText(path, new JsonArray(faults.Select(f =>
        {
            var fault = new JsonObject { ["command"] = f.Command, ["kind"] = f.Kind, ["delayMs"] = f.DelayMs };
            if (f.Resource is not null)
            {
                fault["resource"] = f.Resource;
            }

            return (JsonNode)fault;
        }).ToArray()).ToJsonString());
}
