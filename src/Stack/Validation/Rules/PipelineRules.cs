using DataPlatform.Entities.Spec;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>
/// The pipeline's source: a repository for connections, a connection in the stack's region, and a versioned bucket
/// for an S3 source (CodePipeline's S3 source action reads object versions: "the bucket must be versioned", AWS
/// CodePipeline action reference, Amazon S3 source action).
/// </summary>
internal sealed class PipelineRules : IValidationRule
{
    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var pipeline = context.Spec.Pipeline;
        if (!pipeline.Enabled)
        {
            yield break;
        }

        var source = pipeline.Source;
        if (source.Provider == SourceProvider.S3 && !context.Spec.Artifacts.Versioning)
        {
            yield return Violation.Error("spec.artifacts.versioning", "dataplatform.pipeline.s3SourceVersioning",
                "An S3 pipeline source must be a versioned bucket; set spec.artifacts.versioning to true, or use source provider CodeStarSourceConnection.");
        }

        if (source.Provider == SourceProvider.CodeStarSourceConnection)
        {
            if (string.IsNullOrEmpty(source.Repository))
            {
                yield return Violation.Error("spec.pipeline.source.repository", "dataplatform.pipeline.repository",
                    "A CodeStarSourceConnection source needs repository as owner/name, for example 'example-org/analytics'.");
            }

            if (source.ConnectionArn is { } arn && arn.Split(':') is { Length: > 3 } parts && parts[3] != context.Spec.Region)
            {
                yield return Violation.Error("spec.pipeline.source.connectionArn", "dataplatform.pipeline.connectionRegion",
                    $"The connection is in {parts[3]} but the pipeline runs in {context.Spec.Region}; use a connection of {context.Spec.Region}.");
            }

            if (source.ConnectionArn is null)
            {
                yield return Violation.Warning("spec.pipeline.source.connectionArn", "dataplatform.pipeline.pendingConnection",
                    "The stack creates a new connection, which stays PENDING until an administrator approves it in the AWS console; the Source stage fails until then.");
            }
        }
    }
}
