using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Doubles.FakePulumi;

/// <summary>
/// The Pulumi.yaml of the working directory, read far enough to deploy it: the project name, the resources with
/// their inputs, and the outputs. Resource outputs are made up in the shapes AWS returns (SEMANTICS.md,
/// "Resources and outputs") and are stable for a given stack and logical name.
/// </summary>
internal sealed class ProjectProgram
{
    private readonly YamlMappingNode _root;

    private ProjectProgram(YamlMappingNode root, string region, YamlMappingNode? config)
    {
        _root = root;
        Region = region;
        Config = config;
    }

    /// <summary>The stack file's <c>config</c> map, when there is one.</summary>
    public YamlMappingNode? Config { get; }

    public string Name => Scalar(_root, "name") ?? throw new CliException("Pulumi.yaml has no name");

    public string Region { get; }

    /// <summary>The account the run acts in (the assumed role's, else the ambient one); ARNs of made-up outputs use it.</summary>
    public string Account { get; set; } = AwsIdentity.AmbientAccount;

    /// <summary>The errors pulumi-yaml reports for the program's interpolations before it runs (ProgramReferences).</summary>
    public IReadOnlyList<string> ReferenceErrors() => ProgramReferences.Errors(_root);

    public static ProjectProgram Load(string directory, string stack)
    {
        var path = Path.Combine(directory, "Pulumi.yaml");
        if (!File.Exists(path))
        {
            throw new CliException($"no Pulumi.yaml project file found (searching upwards from {directory}). If you have not created a project yet, use `pulumi new` to do so");
        }

        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var region = "us-east-1";
        YamlMappingNode? stackConfig = null;
        var stackFile = Path.Combine(directory, $"Pulumi.{stack}.yaml");
        if (File.Exists(stackFile))
        {
            var config = new YamlStream();
            config.Load(new StringReader(File.ReadAllText(stackFile)));
            if (config.Documents.Count > 0 && config.Documents[0].RootNode is YamlMappingNode c && c.Children.TryGetValue(new YamlScalarNode("config"), out var values) && values is YamlMappingNode map)
            {
                region = Scalar(map, "aws:region") ?? region;
                stackConfig = map;
            }
        }

        return new ProjectProgram(root, region, stackConfig);
    }

    public static string? ProjectName(string directory)
    {
        var path = Path.Combine(directory, "Pulumi.yaml");
        return File.Exists(path) ? Load(directory, "_").Name : null;
    }

    /// <summary>Logical name, type token and a fingerprint of the inputs, in program order.</summary>
    public IReadOnlyList<(string Name, string Type, string Inputs)> Resources()
    {
        if (!_root.Children.TryGetValue(new YamlScalarNode("resources"), out var node) || node is not YamlMappingNode resources)
        {
            return [];
        }

        return resources.Children.Select(r =>
        {
            var body = (YamlMappingNode)r.Value;
            var inputs = body.Children.TryGetValue(new YamlScalarNode("properties"), out var p) ? Serialize(p) : "";
            return (((YamlScalarNode)r.Key).Value!, Scalar(body, "type") ?? "", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)))[..16]);
        }).ToList();
    }

    /// <summary>Every resource with its input properties (each serialized as text) and its protect option, in program order.</summary>
    public IReadOnlyList<DeclaredResource> Declared()
    {
        var fingerprints = Resources();
        if (!_root.Children.TryGetValue(new YamlScalarNode("resources"), out var node) || node is not YamlMappingNode resources)
        {
            return [];
        }

        return resources.Children.Select((r, i) =>
        {
            var body = (YamlMappingNode)r.Value;
            var properties = new JsonObject();
            if (body.Children.TryGetValue(new YamlScalarNode("properties"), out var p) && p is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    properties[((YamlScalarNode)key).Value!] = Serialize(value);
                }
            }

            var protect = body.Children.TryGetValue(new YamlScalarNode("options"), out var o) && o is YamlMappingNode options && Scalar(options, "protect") == "true";
            return new DeclaredResource(fingerprints[i].Name, fingerprints[i].Type, fingerprints[i].Inputs, properties, protect);
        }).ToList();
    }

    public string? Input(string resource, string property)
    {
        var resources = (YamlMappingNode)_root.Children[new YamlScalarNode("resources")];
        var body = (YamlMappingNode)resources.Children[new YamlScalarNode(resource)];
        return body.Children.TryGetValue(new YamlScalarNode("properties"), out var p) && p is YamlMappingNode props ? Scalar(props, property) : null;
    }

    /// <summary>The stack outputs, evaluated: interpolations of resource outputs replaced, fn::secret marking secrets.</summary>
    public JsonObject Outputs(string stack)
    {
        var result = new JsonObject();
        if (!_root.Children.TryGetValue(new YamlScalarNode("outputs"), out var node) || node is not YamlMappingNode outputs)
        {
            return result;
        }

        foreach (var (key, value) in outputs.Children)
        {
            var secret = value is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("fn::secret"));
            var expression = secret ? ((YamlMappingNode)value).Children[new YamlScalarNode("fn::secret")] : value;
            result[((YamlScalarNode)key).Value!] = new JsonObject { ["value"] = Evaluate(expression, stack), ["secret"] = secret };
        }

        return result;
    }

    private JsonNode? Evaluate(YamlNode node, string stack) => node switch
    {
        YamlScalarNode { Value: { } text } when text.Contains('$', StringComparison.Ordinal) => Interpolate(text, stack),
        YamlScalarNode { Value: { } text } when int.TryParse(text, out var i) && ((YamlScalarNode)node).Style == YamlDotNet.Core.ScalarStyle.Plain => i,
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode list => new JsonArray(list.Children.Select(c => Evaluate(c, stack)).ToArray()),
        _ => null,
    };

    /// <summary>A string as pulumi-yaml evaluates it: one whole access keeps its type, otherwise the pieces are joined as text.</summary>
    private JsonNode? Interpolate(string text, string stack)
    {
        var parts = Interpolation.Parse(text);
        if (parts is [{ Text: "", Root: { } root } only])
        {
            return Value(root, only.Accessors.TrimStart('.'), stack);
        }

        return string.Concat(parts.Select(p => p.Text + (p.Root is null ? "" : Value(p.Root, p.Accessors.TrimStart('.'), stack)?.ToString())));
    }

    /// <summary>A made-up output property of a resource, in AWS's shapes.</summary>
    public JsonNode? Value(string resource, string property, string stack)
    {
        var type = Resources().FirstOrDefault(r => r.Name == resource).Type ?? "";
        var id = Token(stack + "/" + resource);
        var input = Resources().Any(r => r.Name == resource) ? Input(resource, property) : null;
        if (input is not null && Interpolation.Literal(input) is { } literal)
        {
            return int.TryParse(literal, out var number) ? number : literal;
        }

        var name = (Resources().Any(r => r.Name == resource)
            ? Input(resource, "name") ?? Input(resource, "clusterIdentifier") ?? Input(resource, "identifier") ?? Input(resource, "replicationGroupId") ?? Input(resource, "bucket")
            : null) ?? resource;
        var service = type.Split(':').ElementAtOrDefault(1)?.Split('/')[0] ?? "aws";
        return (type, property) switch
        {
            (_, "id" or "") when type.StartsWith("aws:ec2/vpc:", StringComparison.Ordinal) => $"vpc-0{id[..16]}",
            (_, "id" or "") when type.StartsWith("aws:ec2/subnet:", StringComparison.Ordinal) => $"subnet-0{id[..16]}",
            (_, "id" or "") when type.StartsWith("aws:ec2/securityGroup:", StringComparison.Ordinal) => $"sg-0{id[..16]}",
            (_, "id" or "") => $"{resource}-{id[..8]}",
            ("aws:rds/cluster:Cluster", "endpoint") => $"{name}.cluster-{id[..12]}.{Region}.rds.amazonaws.com",
            ("aws:rds/cluster:Cluster", "readerEndpoint") => $"{name}.cluster-ro-{id[..12]}.{Region}.rds.amazonaws.com",
            ("aws:rds/instance:Instance", "address") => $"{name}.{id[..12]}.{Region}.rds.amazonaws.com",
            (_, "port") when type.StartsWith("aws:rds/", StringComparison.Ordinal) => 5432,
            (_, "port") when type.StartsWith("aws:elasticache/", StringComparison.Ordinal) => 6379,
            (_, "engineVersion") => "16.4",
            ("aws:elasticache/replicationGroup:ReplicationGroup", "primaryEndpointAddress") => $"master.{name}.{id[..6]}.{Region}.cache.amazonaws.com",
            ("aws:elasticache/replicationGroup:ReplicationGroup", "readerEndpointAddress") => $"replica.{name}.{id[..6]}.{Region}.cache.amazonaws.com",
            ("random:index/randomPassword:RandomPassword", "result") => Token("password/" + stack + "/" + resource)[..24] + "-Aa1!",
            (_, "arn") when type.StartsWith("aws:kinesis/", StringComparison.Ordinal) => $"arn:aws:kinesis:{Region}:{Account}:stream/{name}",
            (_, "arn") when type.StartsWith("aws:s3/", StringComparison.Ordinal) => $"arn:aws:s3:::{name}",
            (_, "arn") => $"arn:aws:{service}:{Region}:{Account}:{resource}/{name}",
            (_, "name" or "bucket") => name,
            _ => $"{property}-{id[..8]}",
        };
    }

    private static string Token(string seed) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed))).ToLowerInvariant();

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private static string Serialize(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
