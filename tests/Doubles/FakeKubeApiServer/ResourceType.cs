namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>A resource the fake serves: group ("" for core), version, plural, kind, and whether status is a subresource.</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool StatusSubresource = false)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static IReadOnlyList<ResourceType> Builtin { get; } =
    [
        new("", "v1", "secrets", "Secret"),
        new("", "v1", "events", "Event"),
        new("", "v1", "configmaps", "ConfigMap"),
        new("events.k8s.io", "v1", "events", "Event"),
        new("coordination.k8s.io", "v1", "leases", "Lease"),
    ];
}
