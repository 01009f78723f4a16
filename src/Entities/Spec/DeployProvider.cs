using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>Deploy stage provider.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeployProvider>))]
public enum DeployProvider
{
    /// <summary>Write the build output to the artifact bucket.</summary>
    S3,

    /// <summary>A CodeDeploy application and deployment group.</summary>
    CodeDeploy,

    /// <summary>No deploy stage.</summary>
    None,
}
