using System.Reflection;
using DataPlatform.Entities;
using DataPlatform.Stack.Engine;
using NetArchTest.Rules;

namespace DataPlatform.Operator.Tests.Architecture;

/// <summary>
/// The boundaries of STYLE.md and DESIGN.md section 2, checked on the compiled assemblies: only Runtime/Client
/// touches k8s.IKubernetes; only Stack/Engine knows the Pulumi CLI (CliWrap, PULUMI_ variables); Entities does no
/// I/O; Stack never refers to the Operator; and the runtime depends on nothing else of the operator, so no cycle
/// runs between Runtime and the rest and KubeOps can replace it in one change.
/// </summary>
public sealed class ArchitectureTests
{
    private const string RuntimeNamespace = "DataPlatform.Operator.Runtime";
    private const string ClientNamespace = "DataPlatform.Operator.Runtime.Client";
    private const string EngineNamespace = "DataPlatform.Stack.Engine";

    private static readonly Assembly OperatorAssembly = typeof(OperatorServices).Assembly;
    private static readonly Assembly StackAssembly = typeof(IStackEngine).Assembly;
    private static readonly Assembly EntitiesAssembly = typeof(V1Alpha1DataPlatformEnvironment).Assembly;
    private static readonly Assembly[] Product = [OperatorAssembly, StackAssembly, EntitiesAssembly];

    [Fact]
    public void Only_the_runtime_client_uses_IKubernetes()
    {
        AssertOnlyIn(ClientNamespace, Product.SelectMany(a => CompiledTypes.Of(a).ReferencingType("k8s.IKubernetes")), "use k8s.IKubernetes");
    }

    [Fact]
    public void Nothing_uses_KubernetesYaml()
    {
        // Its static initialiser maps every model type of KubernetesClient and stays in memory for good (KubeconfigFile).
        var users = Product.SelectMany(a => CompiledTypes.Of(a).ReferencingType("k8s.KubernetesYaml")).ToList();
        Assert.True(users.Count == 0, $"k8s.KubernetesYaml is used by: {string.Join(", ", users)}");
    }

    [Fact]
    public void Only_the_stack_engine_uses_CliWrap()
    {
        var result = Types.InAssemblies(Product).That().DoNotResideInNamespace(EngineNamespace).ShouldNot().HaveDependencyOnAny("CliWrap").GetResult();

        AssertSuccess(result, $"Only {EngineNamespace} may run processes with CliWrap");
    }

    [Fact]
    public void Only_the_stack_engine_names_PULUMI_variables()
    {
        AssertOnlyIn(EngineNamespace, Product.SelectMany(a => CompiledTypes.Of(a).LoadingString("PULUMI_")), "name PULUMI_ variables");
    }

    [Fact]
    public void Entities_do_no_io()
    {
        var result = Types.InAssembly(EntitiesAssembly).ShouldNot().HaveDependencyOnAny(
            "System.IO", "System.Net", "System.Diagnostics.Process", "System.Console", "System.Environment", "System.Threading.Tasks",
            "k8s.IKubernetes", "k8s.Kubernetes", "k8s.GenericClient", "DataPlatform.Stack", "DataPlatform.Operator").GetResult();

        AssertSuccess(result, "Entities must do no I/O and know neither Stack nor Operator");
    }

    [Fact]
    public void Stack_does_not_reference_the_operator()
    {
        Assert.DoesNotContain(StackAssembly.GetReferencedAssemblies(), a => a.Name == OperatorAssembly.GetName().Name);
        var result = Types.InAssembly(StackAssembly).ShouldNot().HaveDependencyOnAny("DataPlatform.Operator").GetResult();

        AssertSuccess(result, "Stack must not depend on the Operator");
    }

    [Fact]
    public void The_runtime_depends_on_nothing_else_of_the_operator()
    {
        var others = OperatorAssembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns != RuntimeNamespace && !ns.StartsWith(RuntimeNamespace + ".", StringComparison.Ordinal))
            .Select(t => t.Namespace == "DataPlatform.Operator" ? t.FullName! : t.Namespace!)
            .Where(n => n.StartsWith("DataPlatform.Operator", StringComparison.Ordinal))
            .Distinct()
            .Append("DataPlatform.Stack")
            .Append("DataPlatform.Entities")
            .ToArray();

        var result = Types.InAssembly(OperatorAssembly).That().ResideInNamespace(RuntimeNamespace).ShouldNot().HaveDependencyOnAny(others).GetResult();

        AssertSuccess(result, "The runtime must depend on nothing else of the operator (nor on Stack or Entities)");
    }

    private static void AssertOnlyIn(string allowed, IEnumerable<string> types, string what)
    {
        var offenders = types.Where(t => !t.StartsWith(allowed + ".", StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0, $"Only {allowed} may {what}; so do: {string.Join(", ", offenders)}");
    }

    private static void AssertSuccess(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}; broken by: {string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? [])}");
}
