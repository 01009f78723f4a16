namespace DataPlatform.Doubles.FakeKubeApiServer;

/// <summary>A CustomResourceDefinition the API server refuses to store (422), with one line per cause.</summary>
public sealed class CrdRejectedException(string message, IReadOnlyList<string> causes) : Exception(message)
{
    public IReadOnlyList<string> Causes { get; } = causes;
}
