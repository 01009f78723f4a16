using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>Kinesis capacity mode.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StreamMode>))]
public enum StreamMode
{
    /// <summary>On-demand capacity (ON_DEMAND).</summary>
    OnDemand,

    /// <summary>Provisioned shards (PROVISIONED).</summary>
    Provisioned,
}
