using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;
using DataPlatform.Stack.Naming;

namespace DataPlatform.Stack.Program;

/// <summary>What every component builder reads (the environment, its names, tags) and where it adds its parts.</summary>
internal sealed class ProgramContext(V1Alpha1DataPlatformEnvironment environment)
{
    public const string AwsPackage = "aws";
    public const string CallerVariable = "caller";
    public const string PartitionVariable = "partition";
    public const string AvailabilityZonesVariable = "availabilityZones";

    private readonly List<ProgramResource> _resources = [];
    private readonly List<ProgramVariable> _variables = [];
    private readonly List<ProgramOutput> _outputs = [];

    public V1Alpha1DataPlatformEnvironment Environment { get; } = environment;

    public DataPlatformEnvironmentSpec Spec => Environment.Spec;

    public ResourceNames Names { get; } = ResourceNames.For(environment);

    public string Region => Spec.Region;

    public IReadOnlyList<ProgramResource> Resources => _resources;

    public IReadOnlyList<ProgramVariable> Variables => _variables;

    public IReadOnlyList<ProgramOutput> Outputs => _outputs;

    /// <summary>The operator's four default tags merged with the user's; the user's win on the same key.</summary>
    public PropertyMap Tags(string? name = null)
    {
        var tags = new PropertyMap
        {
            ["managed-by"] = "dataplatform-operator",
            ["dataplatform.io/environment"] = Environment.Metadata?.Name ?? "",
            ["dataplatform.io/namespace"] = Environment.Metadata?.NamespaceProperty ?? "default",
            ["environment"] = Names.Label,
        };
        foreach (var (key, value) in Spec.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            tags[key] = value;
        }

        if (name is not null && !tags.ContainsKey("Name"))
        {
            tags["Name"] = name;
        }

        return tags;
    }

    /// <summary>The ARN of the customer-managed key of a service (its logical resource is created by the encryption builder).</summary>
    public static string KeyArn(KeyService service) => Expr.Ref(KeyLogicalName(service), "arn");

    public static string KeyLogicalName(KeyService service) => $"{service.ToString().ToLowerInvariant()}-key";

    public static string AccountId => Expr.Ref(CallerVariable);

    public static string Partition => Expr.Ref(PartitionVariable);

    public string Arn(string service, string resource) => Arn(service, resource, Region);

    public static string Arn(string service, string resource, string region) =>
        $"arn:{Partition}:{service}:{region}:{AccountId}:{resource}";

    public ProgramResource Add(
        string logicalName,
        string type,
        string component,
        string? awsName,
        PropertyMap properties,
        ResourceOptions? options = null)
    {
        if (_resources.Any(r => r.LogicalName == logicalName))
        {
            throw new InvalidOperationException($"Two resources are named '{logicalName}'.");
        }

        var resource = new ProgramResource(logicalName, type, component, awsName, properties, options ?? ResourceOptions.None);
        _resources.Add(resource);
        return resource;
    }

    public void Variable(string name, object value, string description) => _variables.Add(new ProgramVariable(name, value, description));

    public void Output(string name, object value, bool secret = false) => _outputs.Add(new ProgramOutput(name, value, secret));
}
