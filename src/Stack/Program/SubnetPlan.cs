using System.Globalization;
using System.Net;

namespace DataPlatform.Stack.Program;

/// <summary>
/// Carves subnets out of the VPC CIDR deterministically: sixteen equal blocks (prefix + 4); public subnet i takes
/// block i and private subnet i takes block 8 + i, so up to six zones fit with room to grow.
/// </summary>
internal static class SubnetPlan
{
    public const int PrivateOffset = 8;

    public static string Public(string vpcCidr, int zone) => Block(vpcCidr, zone);

    public static string Private(string vpcCidr, int zone) => Block(vpcCidr, PrivateOffset + zone);

    private static string Block(string vpcCidr, int index)
    {
        var (address, prefix) = Parse(vpcCidr);
        var subnetPrefix = prefix + 4;
        var size = 1u << (32 - subnetPrefix);
        var value = address + (uint)index * size;
        var bytes = BitConverter.GetBytes(value);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        return $"{new IPAddress(bytes)}/{subnetPrefix.ToString(CultureInfo.InvariantCulture)}";
    }

    private static (uint Address, int Prefix) Parse(string cidr)
    {
        var parts = cidr.Split('/');
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        var prefix = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (BitConverter.ToUInt32(bytes) & mask, prefix);
    }
}
