using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// CodePipeline Source -> Build -> Deploy with a CodeBuild project. Each service gets its own role whose inline
/// policy names only the bucket, the artifacts key, its log group, the project and the connection it uses. An S3
/// source is started by an EventBridge rule (<see cref="PipelineTriggerBuilder"/>); a CodeDeploy role gets AWS's
/// managed policy through a policy attachment, not the deprecated managedPolicyArns.
/// </summary>
internal static class PipelineBuilder
{
    public const string Pipeline = "pipeline";
    public const string BuildProject = "build-project";
    public const string Connection = "source-connection";
    private const string Component = "pipeline";

    public static void Build(ProgramContext context)
    {
        var pipeline = context.Spec.Pipeline;
        if (!pipeline.Enabled)
        {
            return;
        }

        var names = context.Names;
        var codeStar = pipeline.Source.Provider == SourceProvider.CodeStarSourceConnection;
        string? connectionArn = null;
        if (codeStar)
        {
            connectionArn = pipeline.Source.ConnectionArn;
            if (connectionArn is null)
            {
                var connectionName = $"{names.Suffix}-source"[..Math.Min(32, names.Suffix.Length + 7)];
                context.Add(Connection, "aws:codestarconnections/connection:Connection", Component, connectionName, PropertyMap.Of(
                    ("name", connectionName),
                    ("providerType", "GitHub"),
                    ("tags", context.Tags(connectionName))));
                connectionArn = Expr.Ref(Connection, "arn");
                context.Output("sourceConnectionArn", connectionArn);
            }
        }

        var bucketArn = Expr.Ref(ArtifactsBuilder.Bucket, "arn");
        var keyArn = ProgramContext.KeyArn(KeyService.Artifacts);
        var logGroupArn = Expr.Ref(ObservabilityBuilder.BuildLogGroup, "arn");
        var artifactAccess = new List<object>
        {
            Statement("ArtifactObjects", ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], [$"{bucketArn}/*"]),
            Statement("ArtifactBucket", ["s3:GetBucketLocation", "s3:GetBucketVersioning", "s3:ListBucket"], [bucketArn]),
            Statement("ArtifactKey", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"], [keyArn]),
        };

        Role(context, "build-role", names.BuildRole, "codebuild.amazonaws.com",
        [
            .. artifactAccess,
            Statement("BuildLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [logGroupArn, $"{logGroupArn}:*"]),
        ]);
        context.Add(BuildProject, "aws:codebuild/project:Project", Component, names.BuildProject, PropertyMap.Of(
            ("name", names.BuildProject),
            ("description", $"Builds the source of {names.Suffix}"),
            ("serviceRole", Expr.Ref("build-role", "arn")),
            ("buildTimeout", pipeline.Build.TimeoutMinutes),
            ("encryptionKey", keyArn),
            ("artifacts", PropertyMap.Of(("type", "CODEPIPELINE"))),
            ("source", PropertyMap.Of(("type", "CODEPIPELINE"), ("buildspec", pipeline.Build.Buildspec))),
            ("environment", PropertyMap.Of(
                ("type", "LINUX_CONTAINER"),
                ("computeType", ComputeType(pipeline.Build.ComputeType)),
                ("image", pipeline.Build.Image),
                ("imagePullCredentialsType", "CODEBUILD"))),
            ("logsConfig", PropertyMap.Of(("cloudwatchLogs", PropertyMap.Of(
                ("status", "ENABLED"),
                ("groupName", Expr.Ref(ObservabilityBuilder.BuildLogGroup, "name")))))),
            ("tags", context.Tags(names.BuildProject))),
            new ResourceOptions { DependsOn = ["build-role-policy"] });

        var pipelineStatements = new List<object>(artifactAccess)
        {
            Statement("StartBuild", ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], [Expr.Ref(BuildProject, "arn")]),
        };
        if (codeStar)
        {
            pipelineStatements.Add(Statement("UseConnection", ["codestar-connections:UseConnection", "codeconnections:UseConnection"], [connectionArn!]));
        }

        var deploy = pipeline.Deploy.Provider;
        if (deploy == DeployProvider.CodeDeploy)
        {
            BuildCodeDeploy(context);
            pipelineStatements.Add(Statement("Deploy",
                ["codedeploy:CreateDeployment", "codedeploy:GetApplication", "codedeploy:GetApplicationRevision", "codedeploy:GetDeployment", "codedeploy:GetDeploymentConfig", "codedeploy:RegisterApplicationRevision"],
                [ProgramContext.Arn("codedeploy", $"application:{names.Suffix}-app", context.Region), ProgramContext.Arn("codedeploy", $"deploymentgroup:{names.Suffix}-app/*", context.Region), ProgramContext.Arn("codedeploy", "deploymentconfig:*", context.Region)]));
        }

        Role(context, "pipeline-role", names.PipelineRole, "codepipeline.amazonaws.com", pipelineStatements);

        var stages = new List<object>
        {
            Stage("Source", SourceAction(context, connectionArn)),
            Stage("Build", PropertyMap.Of(
                ("name", "Build"),
                ("category", "Build"),
                ("owner", "AWS"),
                ("provider", "CodeBuild"),
                ("version", "1"),
                ("inputArtifacts", new List<object> { "source" }),
                ("outputArtifacts", new List<object> { "build" }),
                ("configuration", PropertyMap.Of(("ProjectName", Expr.Ref(BuildProject, "name")))))),
        };
        if (deploy == DeployProvider.S3)
        {
            stages.Add(Stage("Deploy", PropertyMap.Of(
                ("name", "Deploy"),
                ("category", "Deploy"),
                ("owner", "AWS"),
                ("provider", "S3"),
                ("version", "1"),
                ("inputArtifacts", new List<object> { "build" }),
                ("configuration", PropertyMap.Of(
                    ("BucketName", Expr.Ref(ArtifactsBuilder.Bucket, "bucket")),
                    ("Extract", "true"),
                    ("ObjectKey", "deploy"))))));
        }
        else if (deploy == DeployProvider.CodeDeploy)
        {
            stages.Add(Stage("Deploy", PropertyMap.Of(
                ("name", "Deploy"),
                ("category", "Deploy"),
                ("owner", "AWS"),
                ("provider", "CodeDeploy"),
                ("version", "1"),
                ("inputArtifacts", new List<object> { "build" }),
                ("configuration", PropertyMap.Of(
                    ("ApplicationName", Expr.Ref("deploy-application", "name")),
                    ("DeploymentGroupName", Expr.Ref("deploy-group", "deploymentGroupName")))))));
        }

        context.Add(Pipeline, "aws:codepipeline/pipeline:Pipeline", Component, names.Pipeline, PropertyMap.Of(
            ("name", names.Pipeline),
            ("pipelineType", "V2"),
            ("executionMode", "QUEUED"),
            ("roleArn", Expr.Ref("pipeline-role", "arn")),
            ("artifactStores", new List<object>
            {
                PropertyMap.Of(
                    ("type", "S3"),
                    ("location", Expr.Ref(ArtifactsBuilder.Bucket, "bucket")),
                    ("encryptionKey", PropertyMap.Of(("type", "KMS"), ("id", keyArn)))),
            }),
            ("stages", stages),
            ("tags", context.Tags(names.Pipeline))),
            new ResourceOptions { DependsOn = ["pipeline-role-policy"] });

        if (!codeStar)
        {
            PipelineTriggerBuilder.Build(context);
        }

        context.Output(StackOutputNames.PipelineName, Expr.Ref(Pipeline, "name"));
        context.Output("pipelineArn", Expr.Ref(Pipeline, "arn"));
        context.Output("buildProjectName", Expr.Ref(BuildProject, "name"));
    }

    private static PropertyMap SourceAction(ProgramContext context, string? connectionArn)
    {
        var source = context.Spec.Pipeline.Source;
        return source.Provider == SourceProvider.CodeStarSourceConnection
            ? PropertyMap.Of(
                ("name", "Source"),
                ("category", "Source"),
                ("owner", "AWS"),
                ("provider", "CodeStarSourceConnection"),
                ("version", "1"),
                ("outputArtifacts", new List<object> { "source" }),
                ("configuration", PropertyMap.Of(
                    ("ConnectionArn", connectionArn),
                    ("FullRepositoryId", source.Repository),
                    ("BranchName", source.Branch),
                    ("OutputArtifactFormat", "CODE_ZIP"))))
            : PropertyMap.Of(
                ("name", "Source"),
                ("category", "Source"),
                ("owner", "AWS"),
                ("provider", "S3"),
                ("version", "1"),
                ("outputArtifacts", new List<object> { "source" }),
                ("configuration", PropertyMap.Of(
                    ("S3Bucket", Expr.Ref(ArtifactsBuilder.Bucket, "bucket")),
                    ("S3ObjectKey", source.ObjectKey),
                    ("PollForSourceChanges", "false"))));
    }

    private static void BuildCodeDeploy(ProgramContext context)
    {
        var names = context.Names;
        var appName = $"{names.Suffix}-app";
        context.Add("deploy-application", "aws:codedeploy/application:Application", Component, appName, PropertyMap.Of(
            ("name", appName),
            ("computePlatform", "Server"),
            ("tags", context.Tags(appName))));
        var roleName = $"{names.Suffix}-deploy-role";
        context.Add("deploy-role", "aws:iam/role:Role", Component, roleName, PropertyMap.Of(
            ("name", roleName),
            ("assumeRolePolicy", AssumeRole("codedeploy.amazonaws.com")),
            ("tags", context.Tags(roleName))));
        context.Add("deploy-role-managed-policy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", Component, null, PropertyMap.Of(
            ("role", Expr.Ref("deploy-role", "name")),
            ("policyArn", $"arn:{ProgramContext.Partition}:iam::aws:policy/service-role/AWSCodeDeployRole")));
        context.Add("deploy-group", "aws:codedeploy/deploymentGroup:DeploymentGroup", Component, $"{names.Suffix}-targets", PropertyMap.Of(
            ("appName", Expr.Ref("deploy-application", "name")),
            ("deploymentGroupName", $"{names.Suffix}-targets"),
            ("serviceRoleArn", Expr.Ref("deploy-role", "arn")),
            ("ec2TagFilters", new List<object>
            {
                PropertyMap.Of(("key", "dataplatform.io/deploy-target"), ("type", "KEY_AND_VALUE"), ("value", names.Suffix)),
            }),
            ("tags", context.Tags($"{names.Suffix}-targets"))),
            new ResourceOptions { DependsOn = ["deploy-role-managed-policy"] });
    }

    internal static void Role(ProgramContext context, string logical, string name, string principal, List<object> statements)
    {
        context.Add(logical, "aws:iam/role:Role", Component, name, PropertyMap.Of(
            ("name", name),
            ("description", $"{principal} for the data platform {context.Names.Suffix}"),
            ("assumeRolePolicy", AssumeRole(principal)),
            ("tags", context.Tags(name))));
        context.Add($"{logical}-policy", "aws:iam/rolePolicy:RolePolicy", Component, $"{name}-policy", PropertyMap.Of(
            ("name", $"{name}-policy"),
            ("role", Expr.Ref(logical, "id")),
            ("policy", new JsonValue(PropertyMap.Of(("Version", "2012-10-17"), ("Statement", statements))))));
    }

    private static JsonValue AssumeRole(string principal) => new(PropertyMap.Of(
        ("Version", "2012-10-17"),
        ("Statement", new List<object>
        {
            PropertyMap.Of(
                ("Effect", "Allow"),
                ("Principal", PropertyMap.Of(("Service", principal))),
                ("Action", "sts:AssumeRole")),
        })));

    internal static PropertyMap Statement(string sid, string[] actions, string[] resources) => PropertyMap.Of(
        ("Sid", sid),
        ("Effect", "Allow"),
        ("Action", actions.Cast<object>().ToList()),
        ("Resource", resources.Cast<object>().ToList()));

    private static PropertyMap Stage(string name, PropertyMap action) =>
        PropertyMap.Of(("name", name), ("actions", new List<object> { action }));

    private static string ComputeType(BuildComputeType type) => type switch
    {
        BuildComputeType.BuildGeneral1Medium => "BUILD_GENERAL1_MEDIUM",
        BuildComputeType.BuildGeneral1Large => "BUILD_GENERAL1_LARGE",
        _ => "BUILD_GENERAL1_SMALL",
    };
}
