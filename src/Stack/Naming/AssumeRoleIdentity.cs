using System.Security.Cryptography;
using System.Text;
using DataPlatform.Entities;

namespace DataPlatform.Stack.Naming;

/// <summary>
/// What the program's AWS provider passes to sts:AssumeRole for an environment, derived by the operator and never
/// taken from the spec: the external id <c>dataplatform:&lt;namespace&gt;</c>, so a role's trust policy can admit one
/// namespace (a tenant cannot name another namespace's value), and the session name
/// <c>dpe.&lt;namespace&gt;.&lt;name&gt;</c> that CloudTrail shows for every call (STS: 2 to 64 characters of
/// <c>[\w+=,.@-]</c>; longer ones are shortened and end in a hash, so they stay unique).
/// </summary>
public sealed record AssumeRoleIdentity(string RoleArn, string ExternalId, string SessionName)
{
    public const string ExternalIdPrefix = "dataplatform:";
    public const int MaxSessionName = 64;

    /// <summary>The identity of an environment that names a role, or null when it assumes none.</summary>
    public static AssumeRoleIdentity? For(V1Alpha1DataPlatformEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.Spec.Stack.AssumeRole is not { } role)
        {
            return null;
        }

        var ns = environment.Metadata.NamespaceProperty ?? "default";
        var name = environment.Metadata.Name ?? "";
        var session = $"dpe.{ns}.{name}";
        if (session.Length > MaxSessionName)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ns}/{name}")))[..8];
            session = $"dpe.{Shorten(ns, 24)}.{Shorten(name, 26)}.{hash}";
        }

        return new AssumeRoleIdentity(role.RoleArn, ExternalIdPrefix + ns, session);
    }

    private static string Shorten(string value, int length) => value.Length <= length ? value : value[..length];
}
