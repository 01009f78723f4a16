using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// Starts the pipeline when its S3 source object is written, as AWS documents for CodePipeline S3 sources ("Create
/// an EventBridge rule for an Amazon S3 source", codepipeline/latest/userguide/create-cloudtrail-S3-source-cfn.html):
/// EventBridge notifications on the bucket, a rule on its "Object Created" events for the source key, and a target
/// that starts the pipeline with a role allowed only codepipeline:StartPipelineExecution on it. The source action
/// keeps PollForSourceChanges false, so the rule is the one trigger.
/// </summary>
internal static class PipelineTriggerBuilder
{
    public const string BucketNotification = "artifact-bucket-eventbridge";
    public const string Rule = "pipeline-source-rule";
    public const string Target = "pipeline-source-target";
    public const string Role = "pipeline-events-role";
    private const string Component = "pipeline";

    public static void Build(ProgramContext context)
    {
        var names = context.Names;
        var source = context.Spec.Pipeline.Source;
        context.Add(BucketNotification, "aws:s3/bucketNotification:BucketNotification", Component, null, PropertyMap.Of(
            ("bucket", Expr.Ref(ArtifactsBuilder.Bucket, "id")),
            ("eventbridge", true)));

        var ruleName = $"{names.Suffix}-pipeline-source";
        var pattern = PropertyMap.Of(
            ("source", new List<object> { "aws.s3" }),
            ("detail-type", new List<object> { "Object Created" }),
            ("detail", PropertyMap.Of(
                ("bucket", PropertyMap.Of(("name", new List<object> { Expr.Ref(ArtifactsBuilder.Bucket, "bucket") }))),
                ("object", PropertyMap.Of(("key", new List<object> { source.ObjectKey }))))));
        context.Add(Rule, "aws:cloudwatch/eventRule:EventRule", Component, ruleName, PropertyMap.Of(
            ("name", ruleName),
            ("description", $"Starts {names.Pipeline} when {source.ObjectKey} is written to the artifact bucket"),
            ("eventPattern", new JsonValue(pattern)),
            ("tags", context.Tags(ruleName))),
            new ResourceOptions { DependsOn = [BucketNotification] });

        var roleName = $"{names.Suffix}-pipeline-events";
        PipelineBuilder.Role(context, Role, roleName, "events.amazonaws.com",
        [
            PipelineBuilder.Statement("StartPipeline", ["codepipeline:StartPipelineExecution"], [Expr.Ref(PipelineBuilder.Pipeline, "arn")]),
        ]);
        context.Add(Target, "aws:cloudwatch/eventTarget:EventTarget", Component, null, PropertyMap.Of(
            ("rule", Expr.Ref(Rule, "name")),
            ("targetId", "codepipeline"),
            ("arn", Expr.Ref(PipelineBuilder.Pipeline, "arn")),
            ("roleArn", Expr.Ref(Role, "arn"))),
            new ResourceOptions { DependsOn = [$"{Role}-policy"] });
    }
}
