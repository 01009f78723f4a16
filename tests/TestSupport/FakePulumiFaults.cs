using System.Text.Json.Nodes;

namespace DataPlatform.TestSupport;

/// <summary>Writes the fake pulumi's fault script (tests/Doubles/FakePulumi/SEMANTICS.md, "Faults").</summary>
internal static class FakePulumiFaults
{
    public static void Write(string path, IEnumerable<(string Command, string Kind, int DelayMs)> faults) =>
        File.WriteAllText(path, new JsonArray(faults.Select(f => (JsonNode)new JsonObject
        {
            ["command"] = f.Command,
            ["kind"] = f.Kind,
            ["delayMs"] = f.DelayMs,
        }).ToArray()).ToJsonString());
}
