using System.Text.Json;
using System.Text.Json.Nodes;
using DataPlatform.Entities.Serialization;
using k8s;

namespace DataPlatform.Entities.Tests;

public sealed class SharedStringsTests
{
    private static readonly string Ready = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ready-environment.json"));

    [Fact]
    public void A_ready_environment_round_trips_unchanged()
    {
        var back = KubernetesJson.Serialize(KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(Ready));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Ready), JsonNode.Parse(back)), back);
    }

    [Fact]
    public void Texts_that_repeat_across_environments_are_held_once()
    {
        var first = KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(Ready);
        var second = KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(Ready);

        Assert.Same(first.Status!.Outputs!.Keys.First(), second.Status!.Outputs!.Keys.First());
        Assert.Same(first.Status.Components![0].Name, second.Status.Components![0].Name);
        Assert.Same(first.Status.Components[0].Name, second.Status.Plan!.Components![0].Component);
        Assert.Same(first.Status.Conditions[0].Reason, second.Status.Conditions[0].Reason);
        Assert.Same(first.Spec.Region, second.Spec.Region);
        Assert.Same(first.Spec.Database.MaintenanceWindow, second.Spec.Database.MaintenanceWindow);

        // Values unique to an environment are not pooled: each read has its own.
        Assert.NotSame(first.Status.Outputs["vpcId"], second.Status.Outputs["vpcId"]);
        Assert.NotSame(first.Status.Plan!.Summary, second.Status.Plan.Summary);
    }

    [Fact]
    public void Endpoints_and_the_ready_message_share_the_texts_they_repeat()
    {
        var environment = KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>(Ready);
        var status = environment.Status!;

        Assert.Same(status.Outputs!["databaseWriter"], status.Endpoints!.DatabaseWriter);
        Assert.Same(status.Outputs["vpcId"], status.Endpoints.VpcId);
        Assert.Same(status.Outputs["pipelineName"], status.Endpoints.PipelineName);
        Assert.Same(status.LastUpdate!.Message, status.Conditions.Single(c => c.Type == "Ready").Message);
    }

    [Fact]
    public void Escaped_non_ascii_and_long_texts_read_as_written()
    {
        var longest = new string('a', SharedStrings.DefaultMaxLength);
        var tooLong = new string('b', SharedStrings.DefaultMaxLength + 1);
        var wide = string.Concat(Enumerable.Repeat("\u00e9\U0001F600", 200)); // 2- and 4-byte UTF-8, past the stack buffer
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["region"] = "eu-\u0041\"west\"-1",
            ["longest"] = longest,
            ["tooLong"] = tooLong,
            ["wide"] = wide,
        });

        var read = Read(json);

        Assert.Equal("eu-A\"west\"-1", read["region"]);
        Assert.Equal(longest, read["longest"]);
        Assert.Equal(tooLong, read["tooLong"]);
        Assert.Equal(wide, read["wide"]);
        Assert.Same(read["region"], SharedStrings.Process.Get("eu-A\"west\"-1"));
    }

    [Fact]
    public void A_map_value_that_is_not_a_string_is_refused_naming_its_key_and_a_null_one_is_dropped()
    {
        var error = Assert.Throws<JsonException>(() => KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>("""{"spec":{"tags":{"team":7}}}"""));
        Assert.Contains("\"team\"", error.Message, StringComparison.Ordinal);

        var environment = KubernetesJson.Deserialize<V1Alpha1DataPlatformEnvironment>("""{"spec":{"tags":{"team":"data","gone":null}}}""");
        Assert.Equal(["team"], environment.Spec.Tags.Keys);
    }

    [Fact]
    public void The_pool_stops_growing_at_its_capacity_and_never_holds_long_texts()
    {
        var pool = new SharedStrings(capacity: 3, maxLength: 8);

        var made = Enumerable.Range(0, 10).Select(i => pool.Get($"text-{i}")).ToList();

        Assert.Equal(3, pool.Count);
        Assert.Same(made[0], pool.Get("text-0"));
        Assert.NotSame(made[9], pool.Get("text-9")); // past the capacity each read is its own
        Assert.Equal("text-9", made[9]);
        Assert.Equal(new string('x', 9), pool.Get(new string('x', 9)));
        Assert.Equal(3, pool.Count);
    }

    private static Dictionary<string, string> Read(string json)
    {
        var converter = new SharedStringConverter();
        var result = new Dictionary<string, string>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            result[key] = converter.Read(ref reader, typeof(string), JsonSerializerOptions.Default)!;
        }

        return result;
    }
}
