using System.Globalization;
using System.Net;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The private network the functions run in (<c>vpc: true</c>, docs/edge-and-network.md): its address plan,
/// the availability zones it uses, and the AWS services it reaches through VPC endpoints. No internet route: the
/// functions reach AWS APIs through endpoints only, over HTTPS.</summary>
public static class NetworkLayout
{
    /// <summary>The only port the functions talk on: HTTPS to AWS APIs.</summary>
    public const int HttpsPort = 443;

    public const string TcpProtocol = "tcp";

    /// <summary>Subnets the stack creates: one per zone, in two zones so Lambda can place ENIs in either.</summary>
    public const int ZoneCount = 2;

    public const string GatewayEndpointType = "Gateway";
    public const string InterfaceEndpointType = "Interface";

    /// <summary>S3 and DynamoDB, the two services the functions call today, have free gateway endpoints (routes in the
    /// subnets' route table; traffic matched by the services' prefix lists).</summary>
    public static IReadOnlyList<string> GatewayServices { get; } = ["s3", "dynamodb"];

    /// <summary>The services that may get an interface endpoint (one ENI per subnet, private DNS) with
    /// <c>vpcInterfaceEndpoints</c>. Today's functions call none of them from their own code (docs/edge-and-network.md,
    /// "Which endpoint carries what"), so none is made by default. Secrets Manager is not offered: no function reads
    /// a secret (the HTTP ingest API key's secret is read by API Gateway, not from inside the VPC).</summary>
    public static IReadOnlyList<string> OptionalInterfaceServices { get; } = ["sqs", "sns", "logs", "xray", "kms"];

    /// <summary>The interface endpoints the stack creates: those <c>vpcInterfaceEndpoints</c> names, in the order of
    /// <see cref="OptionalInterfaceServices"/>; none when the key is unset.</summary>
    public static IReadOnlyList<string> InterfaceServices(string? configured)
    {
        var asked = configured is null ? [] : ValueRules.SplitList(configured);
        return OptionalInterfaceServices.Where(asked.Contains).ToArray();
    }

    /// <summary>The zone lookup takes zones in the <c>available</c> state whose opt-in status is
    /// <c>opt-in-not-required</c>: the region's own Availability Zones. A Local Zone or Wavelength Zone the account
    /// opted in to reports <c>opted-in</c>, sorts before them (<c>us-east-1-bos-1a</c> before <c>us-east-1a</c>), and
    /// supports neither interface endpoints nor Lambda's network interfaces.</summary>
    public const string AvailableZoneState = "available";

    public const string ZoneOptInStatusFilter = "opt-in-status";

    public static IReadOnlyList<string> ZoneOptInStatuses { get; } = ["opt-in-not-required"];

    /// <summary>The endpoint service name of an AWS service in a region (the commercial partition's form).</summary>
    public static string ServiceName(string region, string service) => $"com.amazonaws.{region}.{service}";

    /// <summary>The two zones the subnets go in: the first two the lookup returns, in its order.</summary>
    /// <exception cref="ArgumentException">The region has fewer than two available zones.</exception>
    public static IReadOnlyList<string> PickZones(IReadOnlyList<string> availableZones, string region)
    {
        var distinct = availableZones.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length >= ZoneCount
            ? distinct[..ZoneCount]
            : throw new ArgumentException(
                $"Region '{region}' has {distinct.Length} available zone(s) ({string.Join(", ", distinct)}); the "
                + $"private network needs {ZoneCount}. Use another region, or an existing VPC (vpcId, subnetIds).",
                nameof(availableZones));
    }

    /// <summary>The subnets' address ranges: the VPC range split in two halves (a /16 gives two /17s, 32,763 usable
    /// addresses each; Lambda's Hyperplane ENIs need a handful).</summary>
    /// <exception cref="ArgumentException">Not an IPv4 network address with a prefix from /16 to /24.</exception>
    public static IReadOnlyList<string> SubnetCidrs(string vpcCidr)
    {
        if (CidrProblem(vpcCidr) is { } problem)
        {
            throw new ArgumentException(problem, nameof(vpcCidr));
        }

        var (network, prefix) = Parse(vpcCidr);
        var half = 1u << (32 - prefix - 1);
        return [Format(network, prefix + 1), Format(network + half, prefix + 1)];
    }

    /// <summary>Null when <paramref name="cidr"/> is an IPv4 network address (no host bits set) with a prefix AWS
    /// takes for a VPC that this plan can halve (/16 to /24); otherwise what is wrong, in words.</summary>
    public static string? CidrProblem(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2
            || !IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || parts[0].Split('.').Length != 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            || prefix is < 16 or > 24)
        {
            return $"'{cidr}' is not an IPv4 CIDR block with a prefix from /16 to /24";
        }

        var (network, _) = Parse(cidr);
        var mask = uint.MaxValue << (32 - prefix);
        return (network & ~mask) == 0
            ? null
            : $"'{cidr}' has host bits set; the network address is {Format(network & mask, prefix)}";
    }

    private static (uint Network, int Prefix) Parse(string cidr)
    {
        var parts = cidr.Split('/');
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return (value, int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string Format(uint network, int prefix) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{network >> 24}.{(network >> 16) & 0xFF}.{(network >> 8) & 0xFF}.{network & 0xFF}/{prefix}");
}
