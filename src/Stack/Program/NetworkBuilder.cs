using DataPlatform.Entities.Spec;
using DataPlatform.Stack.Model;

namespace DataPlatform.Stack.Program;

/// <summary>
/// The VPC over the configured zones: public and private subnets in each, an internet gateway with a public route
/// table, one private route table per zone (routed through NAT per natGateways), and the three security groups
/// with least-privilege rules and explicit egress on every group.
/// </summary>
internal static class NetworkBuilder
{
    private const string Component = "network";
    public const string Vpc = "vpc";
    public const string AppSecurityGroup = "app-sg";
    public const string DatabaseSecurityGroup = "database-sg";
    public const string CacheSecurityGroup = "cache-sg";
    public const int DatabasePort = 5432;
    public const int RedisPort = 6379;

    public static string PublicSubnet(int zone) => $"public-subnet-{zone}";

    public static string PrivateSubnet(int zone) => $"private-subnet-{zone}";

    public static List<object> PrivateSubnetIds(ProgramContext context) =>
        Enumerable.Range(0, context.Spec.Network.AzCount).Select(i => (object)Expr.Ref(PrivateSubnet(i), "id")).ToList();

    public static void Build(ProgramContext context)
    {
        var network = context.Spec.Network;
        var names = context.Names;
        context.Variable(ProgramContext.AvailabilityZonesVariable,
            new Invoke("aws:index/getAvailabilityZones:getAvailabilityZones", PropertyMap.Of(("state", "available")), "names"),
            "The zones the account can use in the region, resolved when the program runs.");

        context.Add(Vpc, "aws:ec2/vpc:Vpc", Component, names.Vpc, PropertyMap.Of(
            ("cidrBlock", network.VpcCidr),
            ("enableDnsSupport", true),
            ("enableDnsHostnames", true),
            ("tags", context.Tags(names.Vpc))));
        context.Add("internet-gateway", "aws:ec2/internetGateway:InternetGateway", Component, $"{names.Suffix}-igw", PropertyMap.Of(
            ("vpcId", Expr.Ref(Vpc, "id")),
            ("tags", context.Tags($"{names.Suffix}-igw"))));
        context.Add("public-route-table", "aws:ec2/routeTable:RouteTable", Component, $"{names.Suffix}-public", PropertyMap.Of(
            ("vpcId", Expr.Ref(Vpc, "id")),
            ("tags", context.Tags($"{names.Suffix}-public"))));
        context.Add("public-internet-route", "aws:ec2/route:Route", Component, null, PropertyMap.Of(
            ("routeTableId", Expr.Ref("public-route-table", "id")),
            ("destinationCidrBlock", "0.0.0.0/0"),
            ("gatewayId", Expr.Ref("internet-gateway", "id"))));

        for (var zone = 0; zone < network.AzCount; zone++)
        {
            var az = Expr.Element(ProgramContext.AvailabilityZonesVariable, zone);
            var publicName = $"{names.Suffix}-public-{zone}";
            var privateName = $"{names.Suffix}-private-{zone}";
            context.Add(PublicSubnet(zone), "aws:ec2/subnet:Subnet", Component, publicName, PropertyMap.Of(
                ("vpcId", Expr.Ref(Vpc, "id")),
                ("cidrBlock", SubnetPlan.Public(network.VpcCidr, zone)),
                ("availabilityZone", az),
                ("mapPublicIpOnLaunch", false),
                ("tags", WithTier(context.Tags(publicName), "public"))));
            context.Add(PrivateSubnet(zone), "aws:ec2/subnet:Subnet", Component, privateName, PropertyMap.Of(
                ("vpcId", Expr.Ref(Vpc, "id")),
                ("cidrBlock", SubnetPlan.Private(network.VpcCidr, zone)),
                ("availabilityZone", az),
                ("mapPublicIpOnLaunch", false),
                ("tags", WithTier(context.Tags(privateName), "private"))));
            context.Add($"public-route-association-{zone}", "aws:ec2/routeTableAssociation:RouteTableAssociation", Component, null, PropertyMap.Of(
                ("subnetId", Expr.Ref(PublicSubnet(zone), "id")),
                ("routeTableId", Expr.Ref("public-route-table", "id"))));
        }

        BuildNat(context);
        BuildSecurityGroups(context);

        context.Output(StackOutputNames.VpcId, Expr.Ref(Vpc, "id"));
        context.Output("publicSubnetIds", Enumerable.Range(0, network.AzCount).Select(i => (object)Expr.Ref(PublicSubnet(i), "id")).ToList());
        context.Output("privateSubnetIds", PrivateSubnetIds(context));
        context.Output("appSecurityGroupId", Expr.Ref(AppSecurityGroup, "id"));
    }

    private static void BuildNat(ProgramContext context)
    {
        var network = context.Spec.Network;
        var names = context.Names;
        var gateways = network.NatGateways switch
        {
            NatGatewayMode.Single => 1,
            NatGatewayMode.PerZone => network.AzCount,
            _ => 0,
        };
        for (var i = 0; i < gateways; i++)
        {
            var name = $"{names.Suffix}-nat-{i}";
            context.Add($"nat-eip-{i}", "aws:ec2/eip:Eip", Component, name, PropertyMap.Of(
                ("domain", "vpc"),
                ("tags", context.Tags(name))), new ResourceOptions { DependsOn = ["internet-gateway"] });
            context.Add($"nat-gateway-{i}", "aws:ec2/natGateway:NatGateway", Component, name, PropertyMap.Of(
                ("allocationId", Expr.Ref($"nat-eip-{i}", "id")),
                ("subnetId", Expr.Ref(PublicSubnet(i), "id")),
                ("connectivityType", "public"),
                ("tags", context.Tags(name))));
        }

        for (var zone = 0; zone < network.AzCount; zone++)
        {
            var table = $"private-route-table-{zone}";
            var tableName = $"{names.Suffix}-private-{zone}";
            context.Add(table, "aws:ec2/routeTable:RouteTable", Component, tableName, PropertyMap.Of(
                ("vpcId", Expr.Ref(Vpc, "id")),
                ("tags", context.Tags(tableName))));
            context.Add($"private-route-association-{zone}", "aws:ec2/routeTableAssociation:RouteTableAssociation", Component, null, PropertyMap.Of(
                ("subnetId", Expr.Ref(PrivateSubnet(zone), "id")),
                ("routeTableId", Expr.Ref(table, "id"))));
            if (gateways > 0)
            {
                context.Add($"private-nat-route-{zone}", "aws:ec2/route:Route", Component, null, PropertyMap.Of(
                    ("routeTableId", Expr.Ref(table, "id")),
                    ("destinationCidrBlock", "0.0.0.0/0"),
                    ("natGatewayId", Expr.Ref($"nat-gateway-{Math.Min(zone, gateways - 1)}", "id"))));
            }
        }
    }

    private static void BuildSecurityGroups(ProgramContext context)
    {
        var names = context.Names;
        var vpcCidr = context.Spec.Network.VpcCidr;
        Group(context, AppSecurityGroup, names.AppSecurityGroup, "Application workloads that use the data platform");
        Group(context, DatabaseSecurityGroup, names.DatabaseSecurityGroup, "PostgreSQL reachable only from the application group");
        Group(context, CacheSecurityGroup, names.CacheSecurityGroup, "Redis reachable only from the application group");

        Rule(context, "database-ingress-from-app", ingress: true, DatabaseSecurityGroup, DatabasePort, "PostgreSQL from the application group", group: AppSecurityGroup);
        Rule(context, "cache-ingress-from-app", ingress: true, CacheSecurityGroup, RedisPort, "Redis from the application group", group: AppSecurityGroup);
        Rule(context, "app-egress-to-database", ingress: false, AppSecurityGroup, DatabasePort, "PostgreSQL to the database group", group: DatabaseSecurityGroup);
        Rule(context, "app-egress-to-cache", ingress: false, AppSecurityGroup, RedisPort, "Redis to the cache group", group: CacheSecurityGroup);
        Rule(context, "app-egress-https", ingress: false, AppSecurityGroup, 443, "HTTPS to AWS APIs and the internet", cidr: "0.0.0.0/0");
        Rule(context, "database-egress-vpc-https", ingress: false, DatabaseSecurityGroup, 443, "HTTPS inside the VPC only (endpoints)", cidr: vpcCidr);
        Rule(context, "cache-egress-vpc-https", ingress: false, CacheSecurityGroup, 443, "HTTPS inside the VPC only (endpoints)", cidr: vpcCidr);
    }

    private static void Group(ProgramContext context, string logical, string name, string description) =>
        context.Add(logical, "aws:ec2/securityGroup:SecurityGroup", Component, name, PropertyMap.Of(
            ("name", name),
            ("description", description),
            ("vpcId", Expr.Ref(Vpc, "id")),
            ("revokeRulesOnDelete", true),
            ("tags", context.Tags(name))));

    private static void Rule(ProgramContext context, string logical, bool ingress, string groupLogical, int port, string description, string? group = null, string? cidr = null) =>
        context.Add(logical, ingress ? "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" : "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            Component, null, PropertyMap.Of(
                ("securityGroupId", Expr.Ref(groupLogical, "id")),
                ("description", description),
                ("ipProtocol", "tcp"),
                ("fromPort", port),
                ("toPort", port),
                ("referencedSecurityGroupId", group is null ? null : Expr.Ref(group, "id")),
                ("cidrIpv4", cidr),
                ("tags", context.Tags())));

    private static PropertyMap WithTier(PropertyMap tags, string tier)
    {
        tags["dataplatform.io/tier"] = tier;
        return tags;
    }
}
