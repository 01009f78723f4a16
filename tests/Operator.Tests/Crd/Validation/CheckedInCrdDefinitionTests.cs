using DataPlatform.Operator.Crd;
using DataPlatform.Operator.Crd.Validation;
using DataPlatform.TestSupport;
using Xunit.Abstractions;

namespace DataPlatform.Operator.Tests.Crd.Validation;

public sealed class CheckedInCrdDefinitionTests(ITestOutputHelper output)
{
    [Fact]
    public void Checked_in_crd_passes_the_api_servers_definition_checks()
    {
        var schema = CustomResourceSchema.Load(File.ReadAllText(RepoPaths.InRepo(CrdGenerator.RelativePath.Split('/'))));

        var causes = schema.ValidateDefinition();

        foreach (var cause in causes)
        {
            output.WriteLine(cause.ToString());
        }

        Assert.Empty(causes);
    }
}
