using System.Globalization;
using System.Text.RegularExpressions;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>A check on one raw config value: returns null when valid, else the allowed range in words.</summary>
public delegate string? ValueRule(string value);

/// <summary>The value checks config keys are built from.</summary>
public static partial class ValueRules
{
    public static ValueRule IntRange(int min, int max) =>
        value => TryParseInt(value, out var number) && number >= min && number <= max
            ? null
            : $"an integer from {min} to {max}";

    /// <summary>A value that is either one sentinel (e.g. -1 = unlimited) or inside a range.</summary>
    public static ValueRule IntRangeOrSentinel(int sentinel, int min, int max) =>
        value => TryParseInt(value, out var number) && (number == sentinel || (number >= min && number <= max))
            ? null
            : $"{sentinel.ToString(CultureInfo.InvariantCulture)} or an integer from {min} to {max}";

    public static ValueRule IntOneOf(IReadOnlyList<int> allowed) =>
        value => TryParseInt(value, out var number) && allowed.Contains(number)
            ? null
            : $"one of {string.Join(", ", allowed)}";

    public static ValueRule Boolean { get; } =
        value => TryParseBool(value, out _) ? null : "true or false";

    public static ValueRule OneOf(params string[] allowed) =>
        value => allowed.Contains(value, StringComparer.Ordinal) ? null : $"one of {string.Join(", ", allowed)}";

    /// <summary>A name segment every service accepts, bucket names included.</summary>
    public static ValueRule NameSegment(int maxLength) =>
        value => value.Length <= maxLength && NameSegmentPattern().IsMatch(value)
            ? null
            : $"1 to {maxLength} lowercase letters, digits or hyphens, starting and ending with a letter or digit";

    public static ValueRule Email { get; } =
        value => value.Length <= 254 && EmailPattern().IsMatch(value) ? null : "an email address like ops@example.com";

    public static ValueRule HttpUrl { get; } =
        value => Uri.TryCreate(value, UriKind.Absolute, out var uri)
                 && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : "an absolute http:// or https:// URL";

    /// <summary>A CloudWatch metric namespace of our own (AWS/ is reserved for AWS services).</summary>
    public static ValueRule MetricNamespace { get; } =
        value => value.Length <= 255 && MetricNamespacePattern().IsMatch(value)
                 && !value.StartsWith("AWS/", StringComparison.Ordinal)
            ? null
            : "1 to 255 letters, digits or '.-_/#: ', not starting with AWS/";

    public static ValueRule NonEmpty { get; } =
        value => string.IsNullOrWhiteSpace(value) ? "a non-empty string" : null;

    /// <summary>A KMS key ARN (not an alias): the key policy and role grants name the key itself.</summary>
    public static ValueRule KmsKeyArn { get; } =
        value => KmsKeyArnPattern().IsMatch(value)
            ? null
            : "a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /// <summary>One IPv4 CIDR block whose prefix is inside the range (a VPC takes /16 to /28).</summary>
    public static ValueRule Ipv4Cidr(int minPrefix, int maxPrefix) =>
        value => IsIpv4Cidr(value, minPrefix, maxPrefix)
            ? null
            : $"an IPv4 CIDR block like 10.40.0.0/16 with a prefix from /{minPrefix} to /{maxPrefix}";

    /// <summary>A comma-separated list of IPv4 CIDR blocks (a WAF IP set takes /1 to /32), each written from its
    /// network address: WAF refuses a block with host bits set (203.0.113.7/24), so the message names the block meant.</summary>
    public static ValueRule Ipv4CidrList { get; } = value =>
    {
        var items = SplitList(value);
        if (items.Count == 0 || !items.All(item => IsIpv4Cidr(item, 1, 32)))
        {
            return "a comma-separated list of IPv4 CIDR blocks like 203.0.113.0/24,198.51.100.7/32";
        }

        var misaligned = items.Where(item => Ipv4Network(item) != item).ToArray();
        return misaligned.Length == 0
            ? null
            : "IPv4 CIDR blocks written from their network address, which WAF requires: "
              + string.Join(", ", misaligned.Select(item => $"{item} is {Ipv4Network(item)}"));
    };

    /// <summary>An AWS resource id with its prefix, e.g. <c>vpc-0a1b2c3d</c>.</summary>
    public static ValueRule ResourceId(string prefix) =>
        value => ResourceIdPattern().IsMatch(value) && value.StartsWith(prefix + "-", StringComparison.Ordinal)
            ? null
            : $"an id like {prefix}-0123456789abcdef0";

    /// <summary>A comma-separated list of at least <paramref name="minCount"/> distinct ids with one prefix.</summary>
    public static ValueRule ResourceIdList(string prefix, int minCount) =>
        value => SplitList(value) is { } items && items.Count >= minCount
                 && items.Distinct(StringComparer.Ordinal).Count() == items.Count
                 && items.All(item => ResourceId(prefix)(item) is null)
            ? null
            : $"a comma-separated list of at least {minCount} distinct ids like {prefix}-0123456789abcdef0";

    /// <summary>A comma-separated list of distinct items, each one of <paramref name="allowed"/>.</summary>
    public static ValueRule ListOf(IReadOnlyList<string> allowed) =>
        value => SplitList(value) is { Count: > 0 } items
                 && items.Distinct(StringComparer.Ordinal).Count() == items.Count
                 && items.All(item => allowed.Contains(item, StringComparer.Ordinal))
            ? null
            : $"a comma-separated list of distinct items from {string.Join(", ", allowed)}";

    /// <summary>A GuardDuty detector id: 32 lowercase letters or digits.</summary>
    public static ValueRule DetectorId { get; } =
        value => DetectorIdPattern().IsMatch(value) ? null : "a GuardDuty detector id (32 lowercase letters or digits)";

    /// <summary>A PEM-encoded public key (CloudFront signed URLs take RSA 2048).</summary>
    public static ValueRule PemPublicKey { get; } =
        value => value.Trim().StartsWith("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal)
                 && value.Trim().EndsWith("-----END PUBLIC KEY-----", StringComparison.Ordinal)
            ? null
            : "a PEM public key, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----";

    /// <summary>A comma-separated list of DNS host names (a CloudFront alias may start with a <c>*.</c> wildcard).</summary>
    public static ValueRule HostNameList { get; } =
        value => SplitList(value) is { Count: > 0 } items && items.All(item => item.Length <= 253 && HostNamePattern().IsMatch(item))
            ? null
            : "a comma-separated list of host names like orders.example.com";

    /// <summary>Field paths exempt from the card-number guard, as the Functions side reads them
    /// (<see cref="OrdersPipeline.Functions.Privacy.CardNumberGuard.ExemptPathProblem"/>).</summary>
    public static ValueRule FieldPathList { get; } =
        value => SplitList(value) is { Count: > 0 } items &&
                 items.All(item => OrdersPipeline.Functions.Privacy.CardNumberGuard.ExemptPathProblem(item) is null)
            ? null
            : "a comma-separated list of field paths like items[].trackingNo,meta.parcelNumber";

    /// <summary>An ACM certificate ARN in us-east-1, the only region CloudFront takes certificates from.</summary>
    public static ValueRule CloudFrontCertificateArn { get; } =
        value => CloudFrontCertificatePattern().IsMatch(value)
            ? null
            : "an ACM certificate ARN in us-east-1 like arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab";

    /// <summary>The items of a comma-separated config value, trimmed, empty items dropped.</summary>
    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static bool TryParseInt(string value, out int number) =>
        int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    public static bool TryParseBool(string value, out bool flag) => bool.TryParse(value.Trim(), out flag);

    private static bool IsIpv4Cidr(string value, int minPrefix, int maxPrefix)
    {
        var parts = value.Split('/');
        return parts.Length == 2
               && Ipv4Pattern().IsMatch(parts[0])
               && parts[0].Split('.').All(octet => int.Parse(octet, CultureInfo.InvariantCulture) <= 255)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
               && prefix >= minPrefix && prefix <= maxPrefix;
    }

    /// <summary>The block <paramref name="cidr"/> (already a valid IPv4 CIDR) written from its network address.</summary>
    private static string Ipv4Network(string cidr)
    {
        var parts = cidr.Split('/');
        var prefix = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var address = parts[0].Split('.')
            .Aggregate(0u, (sum, octet) => (sum << 8) | uint.Parse(octet, CultureInfo.InvariantCulture));
        var network = address & (uint.MaxValue << (32 - prefix));
        return $"{network >> 24}.{(network >> 16) & 255}.{(network >> 8) & 255}.{network & 255}/{prefix}";
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex HostNamePattern();

    [GeneratedRegex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[a-zA-Z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CloudFrontCertificatePattern();

    [GeneratedRegex("^[a-z]+-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceIdPattern();

    [GeneratedRegex("^[a-z0-9]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex DetectorIdPattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NameSegmentPattern();

    [GeneratedRegex("^[A-Za-z0-9.\\-_/#: ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricNamespacePattern();
    [GeneratedRegex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KmsKeyArnPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
