using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>The Kinesis stream, encrypted with its own key, on-demand or provisioned.</summary>
internal static class StreamingBuilder
{
    public const string Stream = "events-stream";

    public static void Build(ProgramContext context)
    {
        var streaming = context.Spec.Streaming;
        var provisioned = streaming.Mode == StreamMode.Provisioned;
        var name = context.Names.KinesisStream;
        context.Add(Stream, "aws:kinesis/stream:Stream", "streaming", name, PropertyMap.Of(
            ("name", name),
            ("streamModeDetails", PropertyMap.Of(("streamMode", provisioned ? "PROVISIONED" : "ON_DEMAND"))),
            ("shardCount", provisioned ? streaming.ShardCount : null),
            ("retentionPeriod", streaming.RetentionHours),
            ("encryptionType", "KMS"),
            ("kmsKeyId", ProgramContext.KeyArn(KeyService.Kinesis)),
            ("tags", context.Tags(name))));
        context.Output(StackOutputNames.KinesisStreamArn, Expr.Ref(Stream, "arn"));
        context.Output("kinesisStreamName", Expr.Ref(Stream, "name"));
    }
}
