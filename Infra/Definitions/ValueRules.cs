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

    public static bool TryParseInt(string value, out int number) =>
        int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    public static bool TryParseBool(string value, out bool flag) => bool.TryParse(value.Trim(), out flag);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NameSegmentPattern();

    [GeneratedRegex("^[A-Za-z0-9.\\-_/#: ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricNamespacePattern();
    [GeneratedRegex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KmsKeyArnPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
