using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// The artifact bucket with the non-deprecated 7.x resources: versioning, SSE-KMS with the artifacts key and a
/// bucket key, all four public access blocks, bucket-owner-enforced ownership, noncurrent version expiry, and a
/// policy that denies any request not made over TLS.
/// </summary>
internal static class ArtifactsBuilder
{
    public const string Bucket = "artifact-bucket";
    private const string Component = "artifacts";

    public static void Build(ProgramContext context)
    {
        var artifacts = context.Spec.Artifacts;
        var name = context.Names.ArtifactBucket;
        var bucketId = Expr.Ref(Bucket, "id");
        context.Add(Bucket, "aws:s3/bucket:Bucket", Component, name, PropertyMap.Of(
            ("bucket", name),
            ("forceDestroy", artifacts.ForceDestroy),
            ("tags", context.Tags(name))));
        context.Add("artifact-bucket-versioning", "aws:s3/bucketVersioning:BucketVersioning", Component, null, PropertyMap.Of(
            ("bucket", bucketId),
            ("versioningConfiguration", PropertyMap.Of(("status", artifacts.Versioning ? "Enabled" : "Suspended")))));
        context.Add("artifact-bucket-encryption", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", Component, null, PropertyMap.Of(
            ("bucket", bucketId),
            ("rules", new List<object>
            {
                PropertyMap.Of(
                    ("applyServerSideEncryptionByDefault", PropertyMap.Of(
                        ("sseAlgorithm", "aws:kms"),
                        ("kmsMasterKeyId", ProgramContext.KeyArn(KeyService.Artifacts)))),
                    ("bucketKeyEnabled", true)),
            })));
        context.Add("artifact-bucket-public-access-block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", Component, null, PropertyMap.Of(
            ("bucket", bucketId),
            ("blockPublicAcls", true),
            ("blockPublicPolicy", true),
            ("ignorePublicAcls", true),
            ("restrictPublicBuckets", true)));
        context.Add("artifact-bucket-ownership", "aws:s3/bucketOwnershipControls:BucketOwnershipControls", Component, null, PropertyMap.Of(
            ("bucket", bucketId),
            ("rule", PropertyMap.Of(("objectOwnership", "BucketOwnerEnforced")))));
        if (artifacts.Versioning && artifacts.NoncurrentVersionExpirationDays > 0)
        {
            context.Add("artifact-bucket-lifecycle", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", Component, null, PropertyMap.Of(
                ("bucket", bucketId),
                ("rules", new List<object>
                {
                    PropertyMap.Of(
                        ("id", "expire-noncurrent-versions"),
                        ("status", "Enabled"),
                        ("filter", PropertyMap.Of(("prefix", ""))),
                        ("noncurrentVersionExpiration", PropertyMap.Of(("noncurrentDays", artifacts.NoncurrentVersionExpirationDays)))),
                })),
                new ResourceOptions { DependsOn = ["artifact-bucket-versioning"] });
        }

        context.Add("artifact-bucket-policy", "aws:s3/bucketPolicy:BucketPolicy", Component, null, PropertyMap.Of(
            ("bucket", bucketId),
            ("policy", new JsonValue(PropertyMap.Of(
                ("Version", "2012-10-17"),
                ("Statement", new List<object>
                {
                    PropertyMap.Of(
                        ("Sid", "DenyInsecureTransport"),
                        ("Effect", "Deny"),
                        ("Principal", "*"),
                        ("Action", "s3:*"),
                        ("Resource", new List<object> { Expr.Ref(Bucket, "arn"), $"{Expr.Ref(Bucket, "arn")}/*" }),
                        ("Condition", PropertyMap.Of(("Bool", PropertyMap.Of(("aws:SecureTransport", "false")))))),
                }))))),
            new ResourceOptions { DependsOn = ["artifact-bucket-public-access-block"] });

        context.Output(StackOutputNames.ArtifactBucket, Expr.Ref(Bucket, "bucket"));
        context.Output("artifactBucketArn", Expr.Ref(Bucket, "arn"));
    }
}
