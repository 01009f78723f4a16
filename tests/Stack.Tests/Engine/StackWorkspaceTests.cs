using DataPlatform.Stack.Engine;

namespace DataPlatform.Stack.Tests.Engine;

public sealed class StackWorkspaceTests
{
    [Fact]
    public void Rewriting_the_stack_file_keeps_what_stack_init_stored()
    {
        var root = Directory.CreateTempSubdirectory("workspace-test-").FullName;
        try
        {
            var request = new StackRequest
            {
                StackName = "team.env",
                Files = new Dictionary<string, string> { ["Pulumi.yaml"] = "name: p\nruntime: yaml\n", ["Pulumi.team.env.yaml"] = "config:\n  aws:region: eu-west-1\n" },
            };
            var directory = StackWorkspace.Write(root, request);
            File.WriteAllText(Path.Combine(directory, "Pulumi.team.env.yaml"), "encryptionsalt: v1:abc:def\nconfig:\n  aws:region: eu-west-1\n");

            StackWorkspace.Write(root, request with { Files = new Dictionary<string, string> { ["Pulumi.team.env.yaml"] = "config:\n  aws:region: eu-south-2\n" } });

            var text = File.ReadAllText(Path.Combine(directory, "Pulumi.team.env.yaml"));
            Assert.Contains("encryptionsalt: v1:abc:def", text, StringComparison.Ordinal);
            Assert.Contains("aws:region: eu-south-2", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
