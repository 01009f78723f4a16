using System.Text.Json.Nodes;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>The Pulumi AWS (7.48.0) and random (4.21.1) provider schema subsets, merged.</summary>
internal sealed class ProviderSchema
{
    private static readonly Lazy<ProviderSchema> LazyInstance = new(Load);

    private ProviderSchema(JsonObject resources, JsonObject types, JsonObject functions, string awsVersion, string randomVersion)
    {
        Resources = resources;
        Types = types;
        Functions = functions;
        AwsVersion = awsVersion;
        RandomVersion = randomVersion;
    }

    public static ProviderSchema Instance => LazyInstance.Value;

    public JsonObject Resources { get; }

    public JsonObject Types { get; }

    public JsonObject Functions { get; }

    public string AwsVersion { get; }

    public string RandomVersion { get; }

    private static ProviderSchema Load()
    {
        var aws = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("pulumi", "aws-schema-subset.json")))!.AsObject();
        var random = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("pulumi", "random-schema-subset.json")))!.AsObject();
        JsonObject Merge(string key)
        {
            var merged = new JsonObject();
            foreach (var source in new[] { aws, random })
            {
                if (source[key] is JsonObject section)
                {
                    foreach (var (name, value) in section)
                    {
                        merged[name] = value!.DeepClone();
                    }
                }
            }

            return merged;
        }

        return new ProviderSchema(Merge("resources"), Merge("types"), Merge("functions"), (string)aws["version"]!, (string?)random["version"] ?? "");
    }
}
