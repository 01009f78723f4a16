using DataPlatform.Entities;
using DataPlatform.Stack.Model;
using DataPlatform.Stack.Policy;
using DataPlatform.Stack.Program;

namespace DataPlatform.Stack.Naming;

/// <summary>
/// Every AWS name an environment's program sets where AWS makes it unique, with that scope (DESIGN.md section 8), taken
/// from the generated program itself so no derived name is missed. Names AWS keeps only as a Name tag (VPC, subnets,
/// gateways, route tables), names unique only inside their parent (security groups in their own VPC, inline role
/// policies, deployment groups) and resources without a name claim nothing. The account is the assumed role's, or
/// <see cref="OperatorAccount"/> for environments that run with the operator's identity or static keys (the account
/// is not known before the run; they are taken to share one).
/// </summary>
public static class NameClaims
{
    public const string OperatorAccount = "(operator's account)";

    /// <summary>The scope of each named resource type the program builders create; a type missing here claims nothing (a test checks the table covers every type).</summary>
    public static IReadOnlyDictionary<string, NameScope?> Scopes { get; } = new Dictionary<string, NameScope?>(StringComparer.Ordinal)
    {
        ["aws:s3/bucket:Bucket"] = NameScope.Global,
        ["aws:iam/role:Role"] = NameScope.Account,
        ["aws:iam/rolePolicy:RolePolicy"] = null,
        ["aws:cloudwatch/eventRule:EventRule"] = NameScope.AccountRegion,
        ["aws:cloudwatch/logGroup:LogGroup"] = NameScope.AccountRegion,
        ["aws:codebuild/project:Project"] = NameScope.AccountRegion,
        ["aws:codedeploy/application:Application"] = NameScope.AccountRegion,
        ["aws:codedeploy/deploymentGroup:DeploymentGroup"] = null,
        ["aws:codepipeline/pipeline:Pipeline"] = NameScope.AccountRegion,
        ["aws:codestarconnections/connection:Connection"] = NameScope.AccountRegion,
        ["aws:elasticache/parameterGroup:ParameterGroup"] = NameScope.AccountRegion,
        ["aws:elasticache/replicationGroup:ReplicationGroup"] = NameScope.AccountRegion,
        ["aws:elasticache/subnetGroup:SubnetGroup"] = NameScope.AccountRegion,
        ["aws:kinesis/stream:Stream"] = NameScope.AccountRegion,
        ["aws:kms/alias:Alias"] = NameScope.AccountRegion,
        ["aws:rds/cluster:Cluster"] = NameScope.AccountRegion,
        ["aws:rds/clusterInstance:ClusterInstance"] = NameScope.AccountRegion,
        ["aws:rds/clusterParameterGroup:ClusterParameterGroup"] = NameScope.AccountRegion,
        ["aws:rds/instance:Instance"] = NameScope.AccountRegion,
        ["aws:rds/parameterGroup:ParameterGroup"] = NameScope.AccountRegion,
        ["aws:rds/subnetGroup:SubnetGroup"] = NameScope.AccountRegion,
        ["aws:secretsmanager/secret:Secret"] = NameScope.AccountRegion,
        ["aws:ec2/vpc:Vpc"] = null,
        ["aws:ec2/eip:Eip"] = null,
        ["aws:ec2/internetGateway:InternetGateway"] = null,
        ["aws:ec2/natGateway:NatGateway"] = null,
        ["aws:ec2/routeTable:RouteTable"] = null,
        ["aws:ec2/subnet:Subnet"] = null,
        ["aws:ec2/securityGroup:SecurityGroup"] = null,
    };

    public static IReadOnlyList<NameClaim> For(V1Alpha1DataPlatformEnvironment environment) => For(environment, StackProgramBuilder.Build(environment));

    public static IReadOnlyList<NameClaim> For(V1Alpha1DataPlatformEnvironment environment, StackProgram program)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(program);
        var account = environment.Spec.Stack.AssumeRole?.RoleArn is { } role ? RoleArnPattern.Account(role) ?? OperatorAccount : OperatorAccount;
        return program.Resources
            .Where(r => r.AwsName is not null && Scopes.GetValueOrDefault(r.Type) is not null)
            .Select(r => new NameClaim(r.Type, r.AwsName!, Scopes[r.Type]!.Value, account, environment.Spec.Region))
            .ToList();
    }
}
