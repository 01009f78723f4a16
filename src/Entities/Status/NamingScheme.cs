using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Status;

/// <summary>How an environment's AWS names are derived; fixed at its first update so a name never changes under it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NamingScheme>))]
public enum NamingScheme
{
    /// <summary>From the environment suffix alone: environments deployed before namespaced names keep them.</summary>
    Legacy,

    /// <summary>From the environment suffix and five hex characters of a hash of the namespace, so teams' names rarely meet.</summary>
    Namespaced,
}
