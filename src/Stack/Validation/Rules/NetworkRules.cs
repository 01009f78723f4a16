using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DataPlatform.Stack.Validation.Rules;

/// <summary>
/// Region known and offering the AZ count (a warning where not every account can use every zone; opt-in regions
/// warned); VPC CIDR valid with room for two subnets per zone.
/// </summary>
internal sealed class NetworkRules : IValidationRule
{
    public IEnumerable<Violation> Check(ValidationContext context)
    {
        var spec = context.Spec;
        var network = spec.Network;
        if (!RegionCatalog.Regions.TryGetValue(spec.Region, out var region))
        {
            var close = RegionCatalog.Regions.Keys.Where(k => k[..2] == spec.Region[..Math.Min(2, spec.Region.Length)]).Order(StringComparer.Ordinal).Take(6);
            yield return Violation.Error("spec.region", "region.known", $"'{spec.Region}' is not an AWS region; for example {string.Join(", ", close.DefaultIfEmpty("eu-west-1"))}.");
        }
        else
        {
            if (network.AzCount > region.AzCount)
            {
                yield return Violation.Error("spec.network.azCount", "region.azCount",
                    $"{spec.Region} has {region.AzCount} Availability Zones; azCount {network.AzCount} cannot be met. Use {region.AzCount} or fewer.");
            }
            else if (region.AzCountEveryAccount is { } everyAccount && network.AzCount > everyAccount)
            {
                yield return Violation.Warning("spec.network.azCount", "region.azCount",
                    $"{spec.Region} has {region.AzCount} Availability Zones but not every account can use them all ({region.AzNote}); azCount {network.AzCount} fails on such an account. {everyAccount} works on every account.");
            }

            if (region.OptIn)
            {
                yield return Violation.Warning("spec.region", "region.optIn",
                    $"{spec.Region} is an opt-in region: the AWS account must enable it first, or every call fails with OptInRequired.");
            }
        }

        if (network.AzCount < 2)
        {
            yield return Violation.Error("spec.network.azCount", "rds.subnetGroup.azCoverage", "The database subnet group needs subnets in at least 2 Availability Zones.");
        }

        foreach (var violation in Cidr(network.VpcCidr))
        {
            yield return violation;
        }
    }

    private static IEnumerable<Violation> Cidr(string cidr)
    {
        const string field = "spec.network.vpcCidr";
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || parts[0].Split('.').Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            yield return Violation.Error(field, "ec2.vpc.cidr", $"'{cidr}' is not an IPv4 CIDR such as 10.0.0.0/16.");
            yield break;
        }

        if (prefix is < 16 or > 24)
        {
            yield return Violation.Error(field, "ec2.vpc.cidr",
                $"/{prefix} leaves no room: a VPC is /16 to /28, and the stack carves 16 subnets of /{prefix + 4} (AWS's smallest is /28), so use /16 to /24.");
            yield break;
        }

        var bytes = address.GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        var host = value & ~(uint.MaxValue << (32 - prefix));
        if (host != 0)
        {
            yield return Violation.Error(field, "ec2.vpc.cidr", $"'{cidr}' has host bits set; the network address of /{prefix} is {new IPAddress(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value & (uint.MaxValue << (32 - prefix)))))}/{prefix}.");
        }
    }
}
