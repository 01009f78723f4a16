namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>
/// An image the fake kubelet can "pull": the local program its entrypoint runs (the container's <c>args</c> are
/// appended, as with an image ENTRYPOINT and no <c>command</c>) and the environment the image sets.
/// </summary>
public sealed record ContainerImage(string FileName, IReadOnlyList<string> Entrypoint, IReadOnlyDictionary<string, string> Environment);
