using System.Text;
using DataPlatform.Stack.Input;

namespace DataPlatform.Stack.Tests.Input;

/// <summary>The reader's limits: every input of the probe kind is one clear problem, never a crash or a blow-up.</summary>
public sealed class InputLimitsTests
{
    private const string Header = "apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {name: env, namespace: team}\n";

    [Theory]
    [InlineData(64, null)]
    [InlineData(65, "nesting is deeper than 64 levels")]
    [InlineData(100_000, "nesting is deeper than 64 levels")]
    public void Nesting_is_capped(int depth, string? expected)
    {
        var yaml = new string('[', depth) + new string(']', depth);

        var read = EnvironmentReader.Read(yaml);

        Assert.Null(read.Environment);
        Assert.Contains(expected ?? "not a mapping", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_stops_at_the_value_budget()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append(CultureInfo(i)).Append(": &a").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var before = GC.GetTotalAllocatedBytes();
        var read = EnvironmentReader.Read(yaml.ToString());
        var allocated = GC.GetTotalAllocatedBytes() - before;

        Assert.Contains($"more than {InputLimits.MaxNodes} values", read.Error, StringComparison.Ordinal);
        Assert.True(allocated < 512L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MiB");
    }

    [Theory]
    [InlineData("a: &x [1, *x]", "refers to a node that contains it")]
    [InlineData("a: &x {b: *x}", "refers to a node that contains it")]
    [InlineData("a: *nothing", "names no anchor")]
    public void Broken_aliases_are_refused(string yaml, string expected)
    {
        Assert.Contains(expected, EnvironmentReader.Read(yaml).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_aliases_still_work()
    {
        var read = EnvironmentReader.Read(Header + "spec:\n  region: eu-west-1\n  tags: &t {team: data}\n  database: {parameters: *t}\n");

        Assert.Equal("data", read.Environment!.Spec.Database.Parameters["team"]);
    }

    [Theory]
    [InlineData("1e400", "is out of range")]
    [InlineData("-1e400", "is out of range")]
    [InlineData("99999999999999999999999", "out of range; allowed: 2 to 6")]
    [InlineData("2147483648", "out of range; allowed: 2 to 6")]
    [InlineData("3.5", "expected an integer; got the number 3.5")]
    [InlineData("three", "expected an integer; got the string 'three'")]
    public void Numbers_out_of_range_are_a_clear_error(string value, string expected)
    {
        var read = EnvironmentReader.Read(Header + $"spec: {{region: eu-west-1, network: {{azCount: {value}}}}}");
        var problems = read.Problems;

        Assert.Contains(problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Enum_errors_list_the_allowed_values_and_suggest_one()
    {
        var read = EnvironmentReader.Read(Header + "spec: {region: eu-west-1, database: {engine: aurora-postgres}}");

        var problem = Assert.Single(read.Problems);
        Assert.Equal("spec.database.engine", problem.Field);
        Assert.Equal("schema.enum", problem.Rule);
        Assert.Contains("expected one of aurora-postgresql, postgres; got the string 'aurora-postgres'. Did you mean 'aurora-postgresql'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_suggest_the_closest_and_every_problem_is_listed()
    {
        var read = EnvironmentReader.Read(Header + "spec: {regoin: eu-west-1, netwrk: {azCount: x}, cache: {enigne: redis}}");

        Assert.Contains(read.Problems, p => p.Field == "spec.regoin" && p.Message.Contains("Did you mean 'region'?", StringComparison.Ordinal));
        Assert.Contains(read.Problems, p => p.Field == "spec.netwrk" && p.Message.Contains("Did you mean 'network'?", StringComparison.Ordinal));
        Assert.Contains(read.Problems, p => p.Field == "spec.cache.enigne" && p.Message.Contains("Did you mean 'engine'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_are_escaped_and_long_values_cut_in_messages()
    {
        var value = "\u001b[2J\r\nforged line" + new string('x', 10_000);
        var read = EnvironmentReader.Read(Header + $"spec: {{region: eu-west-1, database: {{engine: \"{value.Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"}}}}");

        var message = Assert.Single(read.Problems).Message;
        Assert.DoesNotContain('\u001b', message);
        Assert.DoesNotContain('\n', message);
        Assert.Contains("\\u001b[2J\\r\\nforged line", message, StringComparison.Ordinal);
        Assert.Contains("more characters)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 400, message);
    }

    [Theory]
    [InlineData("spec: !!binary aGVsbG8=", "!!binary is not supported")]
    [InlineData("spec: !custom {region: x}", "is not supported")]
    [InlineData("spec: {region: !!int abc}", "is not a valid !!int")]
    [InlineData("? [a, b]\n: value", "mapping keys must be strings")]
    [InlineData("spec: {region: \"a\u0000b\"}", "not valid YAML")]
    public void Odd_yaml_is_one_clear_error(string body, string expected)
    {
        Assert.Contains(expected, EnvironmentReader.Read(Header + body).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{name: a/b}", "metadata.name")]
    [InlineData("{name: ../x}", "metadata.name")]
    [InlineData("{name: ok, namespace: Team}", "metadata.namespace")]
    public void Metadata_names_follow_the_api_servers_rules(string metadata, string field)
    {
        var read = EnvironmentReader.Read($"apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {metadata}\nspec: {{region: eu-west-1}}");

        Assert.Contains(EnvironmentReader.NameProblems(read.Document!), p => p.Field == field);
    }

    private static string CultureInfo(int i) => "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "k";
}
