namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>The namespace engine Jobs run in: Engine:Job:Namespace, else the operator pod's own (its service account's namespace file).</summary>
internal static class EngineJobNamespace
{
    public const string ServiceAccountFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    public static string? Resolve(JobEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Namespace))
        {
            return options.Namespace;
        }

        return File.Exists(ServiceAccountFile) ? File.ReadAllText(ServiceAccountFile).Trim() : null;
    }
}
