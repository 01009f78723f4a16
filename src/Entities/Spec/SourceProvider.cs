using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>Source stage provider.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceProvider>))]
public enum SourceProvider
{
    /// <summary>A zip archive in the artifact bucket.</summary>
    S3,

    /// <summary>A Git repository through a CodeConnections (CodeStar) connection.</summary>
    CodeStarSourceConnection,
}
