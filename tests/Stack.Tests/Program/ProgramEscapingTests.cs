using DataPlatform.Doubles.FakePulumi;
using DataPlatform.Entities;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Program;
using DataPlatform.Stack.Validation;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>
/// No text from the spec becomes code: hostile strings go through every free-form field, the program is written and
/// read back as pulumi-yaml reads it ($$ is $, ${ starts an access, keys are expressions too), and each string
/// arrives literally while the program's accesses and built-in functions stay exactly those of the plain sample.
/// </summary>
public sealed class ProgramEscapingTests
{
    public static readonly string[] Payloads =
    [
        "${database-password.result}",
        "$${database-password.result} $ $$ ${ $}",
        "pre ${pulumi.stack} post ${caller}",
        "fn::readFile",
        "fn::secret: ${database-password.result}",
        "line one\nline two: ${vpc.id}\n- item # not a comment",
        "'\"&*!|>%@`{[]},?:# \\ \t",
        "true",
        "2026-01-01",
        "~",
        "  padded  ",
        "\u0001\u001b[31mred\u007f",
    ];

    private static readonly (string Field, Action<V1Alpha1DataPlatformEnvironment, string> Set)[] Fields =
    [
        ("spec.pipeline.build.buildspec", (e, v) => e.Spec.Pipeline.Build.Buildspec = v),
        ("spec.pipeline.build.image", (e, v) => e.Spec.Pipeline.Build.Image = v),
        ("spec.pipeline.source.branch", (e, v) => e.Spec.Pipeline.Source.Branch = v),
        ("spec.pipeline.source.repository", (e, v) => e.Spec.Pipeline.Source.Repository = v),
        ("spec.pipeline.source.connectionArn", (e, v) => e.Spec.Pipeline.Source.ConnectionArn = v),
        ("spec.pipeline.source.objectKey", (e, v) =>
        {
            e.Spec.Pipeline.Source.Provider = SourceProvider.S3;
            e.Spec.Pipeline.Source.ObjectKey = v;
        }),
        ("spec.database.parameters (name)", (e, v) => e.Spec.Database.Parameters[v] = "1"),
        ("spec.database.parameters (value)", (e, v) => e.Spec.Database.Parameters["log_statement"] = v),
        ("spec.cache.parameters (name)", (e, v) => e.Spec.Cache.Parameters[v] = "1"),
        ("spec.cache.parameters (value)", (e, v) => e.Spec.Cache.Parameters["maxmemory-policy"] = v),
        ("spec.tags (key)", (e, v) => e.Spec.Tags["x" + v] = "1"),
        ("spec.tags (value)", (e, v) => e.Spec.Tags["team"] = v),
        ("spec.database.masterUsername", (e, v) => e.Spec.Database.MasterUsername = v),
        ("spec.database.databaseName", (e, v) => e.Spec.Database.DatabaseName = v),
        ("spec.database.clusterIdentifier", (e, v) => e.Spec.Database.ClusterIdentifier = v),
        ("spec.database.instanceIdentifier", (e, v) =>
        {
            e.Spec.Database.Engine = DatabaseEngine.Postgres;
            e.Spec.Database.InstanceIdentifier = v;
        }),
        ("spec.database.instanceClass", (e, v) =>
        {
            e.Spec.Database.Engine = DatabaseEngine.Postgres;
            e.Spec.Database.InstanceClass = v;
        }),
        ("spec.database.engineVersion", (e, v) => e.Spec.Database.EngineVersion = v),
        ("spec.database.backupWindow", (e, v) => e.Spec.Database.BackupWindow = v),
        ("spec.database.maintenanceWindow", (e, v) => e.Spec.Database.MaintenanceWindow = v),
        ("spec.cache.replicationGroupId", (e, v) => e.Spec.Cache.ReplicationGroupId = v),
        ("spec.cache.nodeType", (e, v) => e.Spec.Cache.NodeType = v),
        ("spec.cache.engineVersion", (e, v) => e.Spec.Cache.EngineVersion = v),
        ("spec.cache.parameterGroupFamily", (e, v) => e.Spec.Cache.ParameterGroupFamily = v),
        ("spec.artifacts.bucketName", (e, v) => e.Spec.Artifacts.BucketName = v),
        ("spec.encryption.keys[0].alias", (e, v) => e.Spec.Encryption.Keys[0].Alias = v),
        ("spec.region", (e, v) => e.Spec.Region = v),
        ("spec.environmentSuffix", (e, v) => e.Spec.EnvironmentSuffix = v),
        ("metadata.name", (e, v) => e.Metadata.Name = v),
        ("metadata.namespace", (e, v) => e.Metadata.NamespaceProperty = v),
    ];

    public static TheoryData<string> FieldNames()
    {
        var data = new TheoryData<string>();
        foreach (var (field, _) in Fields)
        {
            data.Add(field);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Every_payload_arrives_literally_and_adds_no_access_or_function(string field)
    {
        var set = Fields.Single(f => f.Field == field).Set;
        var plain = ProgramFixtures.Sample("full.yaml");
        set(plain, "plain-text");
        var baseline = Read(PulumiYamlWriter.Project(StackProgramBuilder.Build(plain)));
        var baselineAccesses = ProgramReferences.Accesses(baseline).Order(StringComparer.Ordinal).ToList();
        var checkedPayloads = 0;
        foreach (var payload in Payloads)
        {
            if (field == "spec.tags (key)" && payload.StartsWith("fn::", StringComparison.Ordinal))
            {
                continue; // A key starting with fn:: has no literal spelling: Fn_keys_are_refused_before_the_writer.
            }

            var environment = ProgramFixtures.Sample("full.yaml");
            set(environment, payload);
            var yaml = PulumiYamlWriter.Project(StackProgramBuilder.Build(environment));
            var program = Read(yaml);

            Assert.Empty(ProgramReferences.Errors(program));
            Assert.Equal(baselineAccesses, ProgramReferences.Accesses(program).Order(StringComparer.Ordinal).ToList());
            Assert.Equal(FunctionKeys(baseline), FunctionKeys(program));
            var literals = ProgramReferences.Expressions(program).Select(s => string.Concat(Interpolation.Parse(s.Value!).Select(p => p.Text))).ToList();
            Assert.True(literals.Any(l => l.Contains(payload, StringComparison.Ordinal)),
                $"{field}: '{payload}' does not arrive literally in the program:\n{yaml}");
            checkedPayloads++;
        }

        Assert.True(checkedPayloads >= Payloads.Length - 2);
    }

    [Fact]
    public void A_password_reference_in_a_buildspec_is_text_not_the_password()
    {
        var environment = ProgramFixtures.Sample("full.yaml");
        environment.Spec.Pipeline.Build.Buildspec = "echo ${database-password.result}";

        var yaml = PulumiYamlWriter.Project(StackProgramBuilder.Build(environment));

        Assert.Contains("buildspec: echo $${database-password.result}", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_program_escapes_nothing_it_builds_itself()
    {
        var yaml = PulumiYamlWriter.Project(StackProgramBuilder.Build(ProgramFixtures.Sample("full.yaml")));

        Assert.DoesNotContain("$${", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\uE000", yaml, StringComparison.Ordinal);
        Assert.Contains("${database-password.result}", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fn::readFile")]
    [InlineData("FN::fileAsset")]
    public void Fn_keys_are_refused_before_the_writer(string key)
    {
        var environment = ProgramFixtures.Sample("full.yaml");
        environment.Spec.Tags[key] = "/etc/passwd";

        var violations = PreflightValidator.Validate(environment).Violations;
        var writing = Assert.Throws<ArgumentException>(() => PulumiYamlWriter.Project(StackProgramBuilder.Build(environment)));

        Assert.Contains(violations, v => v.Severity == Severity.Error && v.Field == $"spec.tags.{key}" && v.Message.Contains("fn::", StringComparison.Ordinal));
        Assert.Contains("reserves", writing.Message, StringComparison.Ordinal);
    }

    private static YamlMappingNode Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static List<string> FunctionKeys(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children
            .SelectMany(p => FunctionKeys(p.Value).Concat(p.Key is YamlScalarNode { Value: { } k } && k.StartsWith("fn::", StringComparison.OrdinalIgnoreCase) ? [k] : []))
            .Order(StringComparer.Ordinal)
            .ToList(),
        YamlSequenceNode list => list.Children.SelectMany(FunctionKeys).Order(StringComparer.Ordinal).ToList(),
        _ => [],
    };
}
