using DataPlatform.Operator.Crd.Validation;

namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>A resource the fake serves: group ("" for core), version, plural, kind, and whether status is a subresource.</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool StatusSubresource = false)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The installed CRD's schema that every write of this kind goes through; null for built-in kinds.</summary>
    internal CustomResourceSchema? Schema { get; init; }

    public static IReadOnlyList<ResourceType> Builtin { get; } =
    [
        new("", "v1", "secrets", "Secret"),
        new("", "v1", "events", "Event"),
        new("", "v1", "configmaps", "ConfigMap"),
        new("", "v1", "namespaces", "Namespace"),
        new("events.k8s.io", "v1", "events", "Event"),
        new("coordination.k8s.io", "v1", "leases", "Lease"),
        new("batch", "v1", "jobs", "Job", StatusSubresource: true),
        new("", "v1", "pods", "Pod", StatusSubresource: true),
    ];

    /// <summary>
    /// Installs a CustomResourceDefinition as apiextensions does: the CRD is checked first (structural schema,
    /// defaults against their schema and their node's CEL rules, CEL cost) and a CRD the real server would
    /// reject throws <see cref="CrdRejectedException"/> with the server's causes. <paramref name="ratcheting"/>
    /// off reproduces Kubernetes 1.28 and 1.29.
    /// </summary>
    public static ResourceType FromCrd(string crdYaml, bool ratcheting = true)
    {
        var schema = CustomResourceSchema.Load(crdYaml).WithRatcheting(ratcheting);
        var causes = schema.ValidateDefinition();
        var name = schema.Definition["metadata"]?["name"]?.GetValue<string>() ?? schema.Plural;
        if (causes.Count > 0)
        {
            throw new CrdRejectedException(
                $"CustomResourceDefinition.apiextensions.k8s.io \"{name}\" is invalid: " + string.Join(", ", causes),
                causes.Select(c => c.ToString()).ToList());
        }

        var version = schema.Definition["spec"]!["versions"]![schema.VersionIndex]!;
        var status = version["subresources"]?["status"] is not null;
        return new ResourceType(schema.Group, schema.Version, schema.Plural, schema.Kind, status) { Schema = schema };
    }
}
