using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Input;
using DataPlatform.TestSupport;

namespace DataPlatform.Stack.Tests.Input;

public sealed class EnvironmentReaderTests
{
    private const string Header = "apiVersion: dataplatform.io/v1alpha1\nkind: DataPlatformEnvironment\nmetadata: {name: env, namespace: team}\n";

    [Fact]
    public void Minimal_sample_gets_the_safe_defaults()
    {
        var result = EnvironmentReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "samples", "minimal.yaml")));

        var spec = Assert.IsType<Entities.V1Alpha1DataPlatformEnvironment>(result.Environment).Spec;
        Assert.Equal("eu-west-1", spec.Region);
        Assert.Equal(3, spec.Network.AzCount);
        Assert.Equal("dbadmin", spec.Database.MasterUsername);
        Assert.Equal(StorageType.Gp3, spec.Database.StorageType);
        Assert.True(spec.Database.DeletionProtection);
        Assert.False(spec.Database.SkipFinalSnapshot);
        Assert.True(spec.Artifacts.Versioning);
        Assert.True(spec.Cache.TransitEncryption);
        Assert.True(spec.Cache.AtRestEncryption);
        Assert.Equal(DeletionPolicy.Delete, spec.DeletionPolicy);
    }

    [Fact]
    public void Full_sample_reads_every_section()
    {
        var result = EnvironmentReader.Read(File.ReadAllText(RepoPaths.InRepo("config", "samples", "full.yaml")));

        var spec = Assert.IsType<Entities.V1Alpha1DataPlatformEnvironment>(result.Environment, exactMatch: true).Spec;
        Assert.Equal(DatabaseEngine.AuroraPostgresql, spec.Database.Engine);
        Assert.Equal("16", spec.Database.EngineVersion);
        Assert.Equal(6, spec.Encryption.Keys.Count);
        Assert.Equal(NatGatewayMode.PerZone, spec.Network.NatGateways);
        Assert.Equal(SourceProvider.CodeStarSourceConnection, spec.Pipeline.Source.Provider);
        Assert.Equal(BuildComputeType.BuildGeneral1Small, spec.Pipeline.Build.ComputeType);
        Assert.Equal("allkeys-lru", spec.Cache.Parameters["maxmemory-policy"]);
        Assert.Null(spec.Database.Iops);
        Assert.Equal(8, spec.Database.Serverless.MaxCapacity);
    }

    [Theory]
    [InlineData("spec: {region: eu-west-1, regoin: x}", "spec.regoin: unknown field")]
    [InlineData("spec: {region: eu-west-1, network: {azCount: three}}", "spec.network.azCount")]
    [InlineData("spec: {region: eu-west-1, database: {engineVersion: 16}}", "spec.database.engineVersion")]
    [InlineData("spec: {region: eu-west-1, database: {engine: mysql}}", "spec.database.engine")]
    [InlineData("spec: {region: eu-west-1, tags: [a, b]}", "spec.tags")]
    [InlineData("spec: [1]", "spec: required")]
    [InlineData("status: {}", "spec: required")]
    [InlineData("spec: {region: eu-west-1, database: {engine: 1}}", "spec.database.engine: expected one of aurora-postgresql, postgres; got the number 1")]
    [InlineData("spec: {region: eu-west-1, database: {multiAz: yes}}", "spec.database.multiAz: expected true or false; got the string 'yes'")]
    public void Bad_input_names_the_field(string body, string expected)
    {
        var result = EnvironmentReader.Read(Header + body);

        Assert.Null(result.Environment);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n# only a comment\n", "empty")]
    [InlineData("spec: {region: [unclosed", "not valid YAML")]
    [InlineData("- a\n- b\n", "not a mapping")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "expected 'dataplatform.io/v1alpha1/DataPlatformEnvironment'")]
    [InlineData(Header + "spec: {region: eu-west-1}\n---\n" + Header + "spec: {region: eu-west-1}\n", "2 documents")]
    [InlineData(Header + "spec: {region: a, region: b}", "Duplicate key")]
    public void Malformed_documents_get_a_clear_error(string text, string expected)
    {
        var result = EnvironmentReader.Read(text);

        Assert.Null(result.Environment);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_nulls_take_the_default_as_on_the_api_server()
    {
        var result = EnvironmentReader.Read(Header + "spec: {region: eu-west-1, database: {masterUsername: null, iops: null}}");

        Assert.Equal("dbadmin", result.Environment!.Spec.Database.MasterUsername);
        Assert.Null(result.Environment.Spec.Database.Iops);
    }
}
