using System.Text.Json.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>How private subnets reach the internet.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NatGatewayMode>))]
public enum NatGatewayMode
{
    /// <summary>No NAT gateway: private subnets have no internet route.</summary>
    None,

    /// <summary>One NAT gateway in the first zone shared by every private subnet.</summary>
#pragma warning disable CA1720 // "Single" is the API value users write.
    Single,
#pragma warning restore CA1720

    /// <summary>One NAT gateway per zone.</summary>
    PerZone,
}
