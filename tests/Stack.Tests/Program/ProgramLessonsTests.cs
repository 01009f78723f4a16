using System.Text.Json.Nodes;
using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Program;
using static DataPlatform.Stack.Tests.Program.ProgramFixtures;

namespace DataPlatform.Stack.Tests.Program;

/// <summary>One test per lesson that a real deployment of this stack taught us.</summary>
public sealed class ProgramLessonsTests
{
    private const string Cluster = "aws:rds/cluster:Cluster";
    private const string Instance = "aws:rds/instance:Instance";
    private const string ReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";

    [Fact]
    public void Master_username_comes_from_the_spec_and_defaults_to_dbadmin()
    {
        Assert.Equal("dbadmin", (string?)Properties(Single(Written(Sample("minimal.yaml")), Cluster))["masterUsername"]);

        var environment = Sample("minimal.yaml");
        environment.Spec.Database.Engine = DatabaseEngine.Postgres;
        environment.Spec.Database.MasterUsername = "platform_owner";
        Assert.Equal("platform_owner", (string?)Properties(Single(Written(environment), Instance))["username"]);
    }

    [Fact]
    public void Major_version_is_resolved_for_the_region_when_the_program_runs()
    {
        var program = Written(Sample("minimal.yaml"));
        var invoke = program["variables"]![DatabaseBuilder.EngineVersionVariable]!["fn::invoke"]!;

        Assert.Equal("aws:rds/getEngineVersion:getEngineVersion", (string?)invoke["function"]);
        Assert.Equal("16", (string?)invoke["arguments"]!["version"]);
        Assert.True((bool)invoke["arguments"]!["latest"]!);
        Assert.Equal("${databaseEngineVersion.versionActual}", (string?)Properties(Single(program, Cluster))["engineVersion"]);
        Assert.Equal("${databaseEngineVersion.parameterGroupFamily}",
            (string?)Properties(Single(program, "aws:rds/clusterParameterGroup:ClusterParameterGroup"))["family"]);
    }

    [Fact]
    public void Exact_pin_is_honoured_and_checked_without_latest()
    {
        var environment = Sample("minimal.yaml");
        environment.Spec.Database.EngineVersion = "16.4";

        var invoke = Written(environment)["variables"]![DatabaseBuilder.EngineVersionVariable]!["fn::invoke"]!;

        Assert.Equal("16.4", (string?)invoke["arguments"]!["version"]);
        Assert.Null(invoke["arguments"]!["latest"]);
    }

    [Fact]
    public void Replication_group_uses_description_and_no_removed_inputs()
    {
        var properties = Properties(Single(Written(Sample("minimal.yaml")), ReplicationGroup));

        Assert.False(string.IsNullOrEmpty((string?)properties["description"]));
        Assert.False(properties.ContainsKey("replicationGroupDescription"));
        Assert.False(properties.ContainsKey("authTokenEnabled"));
        Assert.False(properties.ContainsKey("numberCacheClusters"));
        Assert.Equal("${cache-auth-token.result}", (string?)properties["authToken"]!["fn::secret"]);
    }

    [Fact]
    public void Passwords_come_from_the_cryptographic_random_provider_with_accepted_characters()
    {
        var program = Written(Sample("minimal.yaml"));
        var passwords = OfType(program, "random:index/randomPassword:RandomPassword").ToDictionary(p => p.Name, p => Properties(p.Resource));

        var database = passwords[SecretsBuilder.DatabasePassword];
        Assert.InRange((long)database["length"]!, 8, 41);
        Assert.DoesNotContain((string)database["overrideSpecial"]!, c => c is '/' or '"' or '@' or ' ');
        var token = passwords[SecretsBuilder.CacheAuthToken];
        Assert.InRange((long)token["length"]!, 16, 128);
        Assert.All((string)token["overrideSpecial"]!, c => Assert.Contains(c, "!&#$^<>-"));
        Assert.Equal("${database-password.result}", (string?)Properties(Single(program, Cluster))["masterPassword"]!["fn::secret"]);
    }

    [Fact]
    public void No_auth_token_resource_or_input_when_auth_is_off()
    {
        var environment = Sample("minimal.yaml");
        environment.Spec.Cache.AuthEnabled = false;
        var program = Written(environment);

        Assert.DoesNotContain(Resources(program), r => r.Key == SecretsBuilder.CacheAuthToken);
        Assert.False(Properties(Single(program, ReplicationGroup)).ContainsKey("authToken"));
    }

    [Fact]
    public void Artifact_bucket_is_hardened()
    {
        var program = Written(Sample("minimal.yaml"));

        Assert.Equal("Enabled", (string?)Properties(Single(program, "aws:s3/bucketVersioning:BucketVersioning"))["versioningConfiguration"]!["status"]);
        var sse = Properties(Single(program, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"))["rules"]![0]!;
        Assert.Equal("aws:kms", (string?)sse["applyServerSideEncryptionByDefault"]!["sseAlgorithm"]);
        Assert.Equal("${artifacts-key.arn}", (string?)sse["applyServerSideEncryptionByDefault"]!["kmsMasterKeyId"]);
        var block = Properties(Single(program, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"));
        Assert.All(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }, key => Assert.True((bool)block[key]!));
        var statement = Properties(Single(program, "aws:s3/bucketPolicy:BucketPolicy"))["policy"]!["fn::toJSON"]!["Statement"]![0]!;
        Assert.Equal("Deny", (string?)statement["Effect"]);
        Assert.Equal("false", (string?)statement["Condition"]!["Bool"]!["aws:SecureTransport"]);
        Assert.DoesNotContain(Resources(program), r => ((string?)r.Value!["type"])!.Contains("V2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Public_and_private_subnets_in_every_zone(int zones)
    {
        var environment = Sample("minimal.yaml");
        environment.Spec.Network.AzCount = zones;
        var subnets = OfType(Written(environment), "aws:ec2/subnet:Subnet").Select(s => Properties(s.Resource)).ToList();

        Assert.Equal(zones * 2, subnets.Count);
        Assert.Equal(
            Enumerable.Range(0, zones).Select(i => $"${{availabilityZones[{i}]}}").Order(),
            subnets.Where(s => (string?)s["tags"]!["dataplatform.io/tier"] == "private").Select(s => (string)s["availabilityZone"]!).Order());
        Assert.Equal(zones * 2, subnets.Select(s => (string?)s["cidrBlock"]).Distinct().Count());
    }

    [Fact]
    public void Subnet_cidrs_are_carved_from_the_vpc_cidr()
    {
        Assert.Equal("10.0.0.0/20", SubnetPlan.Public("10.0.0.0/16", 0));
        Assert.Equal("10.0.32.0/20", SubnetPlan.Public("10.0.0.0/16", 2));
        Assert.Equal("10.0.128.0/20", SubnetPlan.Private("10.0.0.0/16", 0));
        Assert.Equal("10.20.0.240/28", SubnetPlan.Private("10.20.0.0/24", 7));
    }

    [Fact]
    public void Every_security_group_has_explicit_egress_and_data_stores_accept_only_the_app_group()
    {
        var program = Written(Sample("minimal.yaml"));
        var groups = OfType(program, "aws:ec2/securityGroup:SecurityGroup").Select(g => g.Name).ToList();
        var egress = OfType(program, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").Select(r => (string?)Properties(r.Resource)["securityGroupId"]).ToList();
        var ingress = OfType(program, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").Select(r => Properties(r.Resource)).ToList();

        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Contains($"${{{g}.id}}", egress));
        Assert.All(ingress, rule =>
        {
            Assert.Equal("${app-sg.id}", (string?)rule["referencedSecurityGroupId"]);
            Assert.False(rule.ContainsKey("cidrIpv4"));
        });
        Assert.Equal([5432L, 6379L], ingress.Select(r => (long)r["fromPort"]!).Order());
    }

    [Fact]
    public void Pipeline_has_source_build_and_deploy_stages()
    {
        var pipeline = Properties(Single(Written(Sample("minimal.yaml")), "aws:codepipeline/pipeline:Pipeline"));
        var stages = pipeline["stages"]!.AsArray();

        Assert.Equal(["Source", "Build", "Deploy"], stages.Select(s => (string?)s!["name"]));
        Assert.Equal("CodeBuild", (string?)stages[1]!["actions"]![0]!["provider"]);
        Assert.Equal("${artifact-bucket.bucket}", (string?)pipeline["artifactStores"]![0]!["location"]);
        Assert.Equal("${artifacts-key.arn}", (string?)pipeline["artifactStores"]![0]!["encryptionKey"]!["id"]);
    }

    [Fact]
    public void Pipeline_roles_name_only_their_own_resources()
    {
        var program = Written(Sample("minimal.yaml"));
        var policies = OfType(program, "aws:iam/rolePolicy:RolePolicy").Select(p => Properties(p.Resource)["policy"]!["fn::toJSON"]!).ToList();

        Assert.Equal(3, policies.Count);
        Assert.All(policies.SelectMany(p => p["Statement"]!.AsArray()), statement =>
        {
            Assert.DoesNotContain("*", statement!["Action"]!.AsArray().Select(a => (string?)a));
            Assert.DoesNotContain("*", statement["Resource"]!.AsArray().Select(a => (string?)a));
        });
    }

    [Fact]
    public void Every_service_key_has_rotation_and_an_alias()
    {
        var program = Written(Sample("full.yaml"));
        var keys = OfType(program, "aws:kms/key:Key").ToList();
        var aliases = OfType(program, "aws:kms/alias:Alias").Select(a => Properties(a.Resource)).ToList();

        Assert.Equal(6, keys.Count);
        Assert.All(keys, k => Assert.True((bool)Properties(k.Resource)["enableKeyRotation"]!));
        Assert.Contains(aliases, a => (string?)a["name"] == "alias/analytics-prod/kinesis" && (string?)a["targetKeyId"] == "${kinesis-key.keyId}");
        Assert.Equal(6, aliases.Select(a => (string?)a["name"]).Distinct().Count());
    }

    [Fact]
    public void Parameter_groups_carry_the_spec_parameters_and_the_eviction_default()
    {
        var program = Written(Sample("full.yaml"));
        var cache = Properties(Single(program, "aws:elasticache/parameterGroup:ParameterGroup"));
        var database = Properties(Single(program, "aws:rds/clusterParameterGroup:ClusterParameterGroup"));

        Assert.Equal("redis7", (string?)cache["family"]);
        Assert.Contains(cache["parameters"]!.AsArray(), p => (string?)p!["name"] == "maxmemory-policy" && (string?)p["value"] == "allkeys-lru");
        Assert.Contains(database["parameters"]!.AsArray(), p => (string?)p!["name"] == "log_min_duration_statement" && (string?)p["value"] == "500");
        Assert.Equal("${database-cluster-parameter-group.name}", (string?)Properties(Single(program, Cluster))["dbClusterParameterGroupName"]);
    }

    [Fact]
    public void Redis_6_takes_the_redis6x_family()
    {
        Assert.Equal("redis6.x", CacheBuilder.Family(new CacheSpec { EngineVersion = "6.2" }));
        Assert.Equal("redis7", CacheBuilder.Family(new CacheSpec { EngineVersion = "7.1" }));
    }

    [Theory]
    [InlineData(DatabaseEngine.AuroraPostgresql, "/aws/rds/cluster/prod-{0}-db/postgresql")]
    [InlineData(DatabaseEngine.Postgres, "/aws/rds/instance/prod-{0}-db/postgresql")]
    public void Log_exports_go_to_encrypted_groups_created_first(DatabaseEngine engine, string groupFormat)
    {
        var environment = Sample("minimal.yaml");
        var group = string.Format(System.Globalization.CultureInfo.InvariantCulture, groupFormat, DataPlatform.Stack.Naming.NamingSchemes.NamespaceHash("data-team"));
        environment.Spec.EnvironmentSuffix = "prod";
        environment.Spec.Database.Engine = engine;
        var program = Written(environment);
        var database = Single(program, engine == DatabaseEngine.Postgres ? Instance : Cluster);

        Assert.Equal(["postgresql"], Properties(database)["enabledCloudwatchLogsExports"]!.AsArray().Select(e => (string?)e));
        var logGroup = OfType(program, "aws:cloudwatch/logGroup:LogGroup").Single(g => (string?)Properties(g.Resource)["name"] == group);
        Assert.Equal("${logs-key.arn}", (string?)Properties(logGroup.Resource)["kmsKeyId"]);
        Assert.Contains($"${{{logGroup.Name}}}", database["options"]!["dependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Rds_instance_sets_gp3_explicitly()
    {
        var environment = Sample("minimal.yaml");
        environment.Spec.Database.Engine = DatabaseEngine.Postgres;

        var properties = Properties(Single(Written(environment), Instance));

        Assert.Equal("gp3", (string?)properties["storageType"]);
        Assert.False(properties.ContainsKey("iops"));
        Assert.True((bool)properties["multiAz"]!);
    }

    [Fact]
    public void Backup_and_maintenance_windows_and_protection_are_set()
    {
        var properties = Properties(Single(Written(Sample("full.yaml")), Cluster));

        Assert.Equal("03:00-04:00", (string?)properties["preferredBackupWindow"]);
        Assert.Equal("sun:05:00-sun:06:00", (string?)properties["preferredMaintenanceWindow"]);
        Assert.Equal(14L, (long)properties["backupRetentionPeriod"]!);
        Assert.True((bool)properties["deletionProtection"]!);
        Assert.True((bool)properties["storageEncrypted"]!);
        Assert.Equal("analytics-prod-db-final", (string?)properties["finalSnapshotIdentifier"]);
    }

    [Fact]
    public void Internet_gateway_and_routes_connect_the_public_subnets()
    {
        var program = Written(Sample("minimal.yaml"));

        Single(program, "aws:ec2/internetGateway:InternetGateway");
        Assert.Contains(OfType(program, "aws:ec2/route:Route"), r =>
            (string?)Properties(r.Resource)["gatewayId"] == "${internet-gateway.id}" && (string?)Properties(r.Resource)["destinationCidrBlock"] == "0.0.0.0/0");
        Assert.Equal(3, OfType(program, "aws:ec2/routeTableAssociation:RouteTableAssociation").Count(a => (string?)Properties(a.Resource)["routeTableId"] == "${public-route-table.id}"));
    }

    [Theory]
    [InlineData(NatGatewayMode.None, 0)]
    [InlineData(NatGatewayMode.Single, 1)]
    [InlineData(NatGatewayMode.PerZone, 3)]
    public void Nat_gateways_follow_the_mode(NatGatewayMode mode, int expected)
    {
        var environment = Sample("minimal.yaml");
        environment.Spec.Network.NatGateways = mode;
        var program = Written(environment);

        Assert.Equal(expected, OfType(program, "aws:ec2/natGateway:NatGateway").Count());
        Assert.Equal(expected == 0 ? 0 : 3, OfType(program, "aws:ec2/route:Route").Count(r => Properties(r.Resource).ContainsKey("natGatewayId")));
    }

    [Fact]
    public void Database_secret_is_written_after_the_database_with_its_endpoint()
    {
        var version = Single(Written(Sample("minimal.yaml")), "aws:secretsmanager/secretVersion:SecretVersion");
        var json = Properties(version)["secretString"]!["fn::secret"]!["fn::toJSON"]!;

        Assert.Equal("${database-cluster.endpoint}", (string?)json["host"]);
        Assert.Equal("${database-cluster.port}", (string?)json["port"]);
        Assert.Equal("${database-password.result}", (string?)json["password"]);
        Assert.Contains("${database-cluster}", version["options"]!["dependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Tags_are_never_null_on_any_taggable_resource()
    {
        var program = Written(Sample("full.yaml"));
        var schema = ProviderSchema.Instance;

        foreach (var (name, resource) in Resources(program))
        {
            var token = (string)resource!["type"]!;
            if (schema.Resources[token]!["inputProperties"]!["tags"] is null)
            {
                continue;
            }

            var tags = resource["properties"]!["tags"] as JsonObject;
            Assert.True(tags is not null, $"{name} ({token}) has no tags");
            Assert.Equal("dataplatform-operator", (string?)tags!["managed-by"]);
            Assert.Equal("data", (string?)tags["team"]);
            Assert.All(tags, t => Assert.False(string.IsNullOrEmpty((string?)t.Value), $"{name}: tag {t.Key} is empty"));
        }
    }

    [Fact]
    public void Every_resource_that_takes_a_name_gets_an_explicit_one()
    {
        var program = Written(Sample("minimal.yaml"));
        string[] nameInputs = ["name", "bucket", "identifier", "clusterIdentifier", "replicationGroupId"];

        foreach (var (name, resource) in Resources(program))
        {
            var inputs = ProviderSchema.Instance.Resources[(string)resource!["type"]!]!["inputProperties"]!.AsObject();
            var properties = resource["properties"]!.AsObject();
            var takes = nameInputs.Where(inputs.ContainsKey).ToList();
            if (takes.Count > 0)
            {
                Assert.True(takes.Any(properties.ContainsKey), $"{name} takes a name ({string.Join(", ", takes)}) but gets none");
            }
        }
    }

    [Fact]
    public void Outputs_cover_every_endpoint_and_secrets_are_secret()
    {
        var outputs = Written(Sample("minimal.yaml"))["outputs"]!.AsObject();

        foreach (var name in new[] { "vpcId", "databaseWriter", "databaseReader", "databasePort", "databaseSecretArn", "databaseName", "databaseUsername",
                     "redisPrimary", "redisReader", "redisPort", "kinesisStreamArn", "kinesisStreamName", "artifactBucket", "pipelineName", "region" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} is missing");
        }

        Assert.Equal("${database-password.result}", (string?)outputs["databasePassword"]!["fn::secret"]);
        Assert.Equal("${cache-auth-token.result}", (string?)outputs["redisAuthToken"]!["fn::secret"]);
        Assert.DoesNotContain(outputs.Where(o => o.Key is not ("databasePassword" or "redisAuthToken")), o => o.Value is JsonObject j && j.ContainsKey("fn::secret"));
    }

    [Fact]
    public void Same_spec_gives_byte_identical_yaml()
    {
        Assert.Equal(Yaml(Sample("full.yaml")), Yaml(Sample("full.yaml")));
    }
}
