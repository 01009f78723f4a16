using DataPlatform.TestSupport;
using static DataPlatform.Stack.Tests.Program.ProgramFixtures;

namespace DataPlatform.Stack.Tests.Program;

public sealed class GoldenProgramTests
{
    /// <summary>
    /// The full sample's program, reviewed by eye once and kept. A change to the generator shows up here as a diff
    /// to review; regenerate with UPDATE_GOLDEN=1 after reading it.
    /// </summary>
    [Fact]
    public void Full_sample_program_matches_the_reviewed_golden_file()
    {
        var path = RepoPaths.InRepo("tests", "Stack.Tests", "Golden", "full.Pulumi.yaml");
        var actual = Yaml(Sample("full.yaml"));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        var expected = File.ReadAllText(path);
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .FirstOrDefault(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i], -1);
        Assert.True(first < 0,
            $"The program differs from {path} at line {first + 1}:\n  golden:    {(first >= 0 && first < expectedLines.Length ? expectedLines[first] : "<end>")}\n"
            + $"  generated: {(first >= 0 && first < actualLines.Length ? actualLines[first] : "<end>")}\nReview the change, then regenerate with UPDATE_GOLDEN=1.");
    }
}
