using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DataPlatform.Entities.Serialization;

namespace DataPlatform.Entities.Spec;

/// <summary>The VPC, spread over azCount Availability Zones with one public and one private subnet in each.</summary>
public sealed class NetworkSpec
{
    /// <summary>IPv4 CIDR of the VPC, /16 to /24, such as 10.0.0.0/16.</summary>
    [JsonPropertyName("vpcCidr")]
    [RegularExpression("^([0-9]{1,3}\\.){3}[0-9]{1,3}/(1[6-9]|2[0-4])$")]
    [MaxLength(18)]
    [JsonConverter(typeof(SharedStringConverter))]
    public string VpcCidr { get; set; } = "10.0.0.0/16";

    /// <summary>Availability Zones to spread subnets over (the database needs at least 2).</summary>
    [JsonPropertyName("azCount")]
    [Range(2, 6)]
    public int AzCount { get; set; } = 3;

    /// <summary>NAT gateways for the private subnets: None, Single (one shared) or PerZone.</summary>
    [JsonPropertyName("natGateways")]
    public NatGatewayMode NatGateways { get; set; } = NatGatewayMode.None;
}
