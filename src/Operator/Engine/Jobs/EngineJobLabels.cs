using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DataPlatform.Stack.Engine;

namespace DataPlatform.Operator.Engine.Jobs;

/// <summary>
/// The labels of an engine Job and its pod: the stack (a hash, as stack names may exceed a label's 63
/// characters), the environment (namespace, name, uid), the generation and the operation. A new leader finds an
/// environment's Jobs by <see cref="Stack"/>; the Job's name starts with <see cref="HostPrefix"/>, so a lock
/// written by one of its pods names the stack it belongs to.
/// </summary>
internal static class EngineJobLabels
{
    public const string Stack = "dataplatform.io/stack";
    public const string Namespace = "dataplatform.io/environment-namespace";
    public const string Name = "dataplatform.io/environment-name";
    public const string Uid = "dataplatform.io/environment-uid";
    public const string Generation = "dataplatform.io/generation";
    public const string Operation = "dataplatform.io/operation";
    public const string Component = "app.kubernetes.io/component";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string StackNameAnnotation = "dataplatform.io/stack-name";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";

    public static string StackHash(string stackName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stackName)))[..16];

    /// <summary>Every Job (and pod) of this stack has a name starting with this; pods' host names too.</summary>
    public static string HostPrefix(string stackName) => $"dpe-{StackHash(stackName)}-";

    public static string OperationName(EngineOperation operation) => operation.ToString().ToLowerInvariant();

    public static Dictionary<string, string> For(StackRequest request, EngineOperation operation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Stack] = StackHash(request.StackName),
            [Operation] = OperationName(operation),
            [Component] = "engine",
            [ManagedBy] = "dataplatform-operator",
        };
        if (request.Owner is { } owner)
        {
            labels[Namespace] = LabelValue(owner.Namespace);
            labels[Name] = LabelValue(owner.Name);
            labels[Uid] = owner.Uid;
            labels[Generation] = owner.Generation.ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }

    /// <summary>A label value is at most 63 characters and ends alphanumeric; a longer name keeps its start and a hash.</summary>
    private static string LabelValue(string value) => value.Length <= 63 ? value : value[..46] + "-" + StackHash(value);
}
