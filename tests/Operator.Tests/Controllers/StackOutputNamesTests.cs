using System.Reflection;
using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Program;
using k8s.Models;

namespace DataPlatform.Operator.Tests.Controllers;

/// <summary>Every stack output the operator reads back (endpoints, the connection Secret) is one the program writes.</summary>
public sealed class StackOutputNamesTests
{
    public static TheoryData<string, DatabaseEngine> Variants => new()
    {
        { "aurora-postgresql", DatabaseEngine.AuroraPostgresql },
        { "postgres", DatabaseEngine.Postgres },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_name_the_operator_reads_is_an_output_of_the_program(string variant, DatabaseEngine engine)
    {
        var environment = new V1Alpha1DataPlatformEnvironment
        {
            Metadata = new V1ObjectMeta { Name = "analytics", NamespaceProperty = "team" },
            Spec = { Region = "eu-west-1" },
        };
        environment.Spec.Database.Engine = engine;

        var written = StackProgramBuilder.Build(environment).Outputs.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        var read = typeof(StackOutputNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.True(written.Contains(name), $"{variant}: the operator reads output {name}, which the program does not write."));
    }
}
