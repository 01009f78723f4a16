using System.Text.Json.Nodes;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>
/// Provider schemas for the checker. <see cref="Instance"/>: the AWS (7.48.0) and random (4.21.1) subsets, with every
/// token the subset lacks taken from the full AWS SDK. <see cref="Full"/>: every AWS resource, type and function from
/// the full SDK alone (plus random), so each token the program uses is checked against the whole provider.
/// </summary>
internal sealed class ProviderSchema
{
    private static readonly Lazy<ProviderSchema> LazyInstance = new(() => Load(subsetFirst: true));
    private static readonly Lazy<ProviderSchema> LazyFull = new(() => Load(subsetFirst: false));

    private ProviderSchema(JsonObject resources, JsonObject types, JsonObject functions, string awsVersion, string randomVersion)
    {
        Resources = resources;
        Types = types;
        Functions = functions;
        AwsVersion = awsVersion;
        RandomVersion = randomVersion;
    }

    public static ProviderSchema Instance => LazyInstance.Value;

    public static ProviderSchema Full => LazyFull.Value;

    public JsonObject Resources { get; }

    public JsonObject Types { get; }

    public JsonObject Functions { get; }

    public string AwsVersion { get; }

    public string RandomVersion { get; }

    private static ProviderSchema Load(bool subsetFirst)
    {
        var subset = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("pulumi", "aws-schema-subset.json")))!.AsObject();
        var random = JsonNode.Parse(File.ReadAllText(RepoPaths.Reference("pulumi", "random-schema-subset.json")))!.AsObject();
        var (resources, types, functions, version) = FullSdkSchema.Load();
        var sdk = new JsonObject { ["resources"] = resources, ["types"] = types, ["functions"] = functions };
        JsonObject[] sources = subsetFirst ? [sdk, subset, random] : [sdk, random];
        JsonObject Merge(string key)
        {
            var merged = new JsonObject();
            foreach (var source in sources)
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

        return new ProviderSchema(Merge("resources"), Merge("types"), Merge("functions"), subsetFirst ? (string)subset["version"]! : version, (string?)random["version"] ?? "");
    }
}
