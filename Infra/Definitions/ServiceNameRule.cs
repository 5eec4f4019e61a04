using System.Text.RegularExpressions;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>One AWS service's limit on a resource name: length and characters.</summary>
public sealed record ServiceNameRule(string Kind, int MinLength, int MaxLength, Regex Pattern, string Characters)
{
    /// <summary>Null when <paramref name="name"/> fits; otherwise the limit it breaks, in words.</summary>
    public string? Check(string name)
    {
        if (name.Length < MinLength || name.Length > MaxLength)
        {
            return $"{Kind} names must be {MinLength}-{MaxLength} characters, and '{name}' has {name.Length}";
        }

        return Pattern.IsMatch(name) ? null : $"{Kind} names may contain only {Characters}, which '{name}' does not";
    }
}

/// <summary>The name limits of every service the pipeline names a resource in.</summary>
public static partial class ServiceNameRules
{
    public static ServiceNameRule DynamoDbTable { get; } =
        new("DynamoDB table", 3, 255, DynamoDbPattern(), "letters, digits, '_', '.' and '-'");

    public static ServiceNameRule LambdaFunction { get; } =
        new("Lambda function", 1, 64, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    public static ServiceNameRule IamRole { get; } =
        new("IAM role", 1, 64, IamPattern(), "letters, digits and '+=,.@_-'");

    public static ServiceNameRule IamRolePolicy { get; } =
        new("IAM inline policy", 1, 128, IamPattern(), "letters, digits and '+=,.@_-'");

    public static ServiceNameRule SqsQueue { get; } =
        new("SQS queue", 1, 80, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    public static ServiceNameRule S3Bucket { get; } =
        new("S3 bucket", 3, 63, BucketPattern(),
            "lowercase letters, digits and '-', starting and ending with a letter or digit");

    public static ServiceNameRule SnsTopic { get; } =
        new("SNS topic", 1, 256, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    public static ServiceNameRule CloudWatchAlarm { get; } =
        new("CloudWatch alarm", 1, 255, PrintableAscii(), "printable ASCII characters");

    public static ServiceNameRule CloudWatchDashboard { get; } =
        new("CloudWatch dashboard", 1, 255, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    public static ServiceNameRule LogGroup { get; } =
        new("CloudWatch log group", 1, 512, LogGroupPattern(), "letters, digits and '._-/#'");

    public static ServiceNameRule CloudTrailTrail { get; } =
        new("CloudTrail trail", 3, 128, TrailPattern(),
            "letters, digits, '.', '_' and '-', starting and ending with a letter or digit");

    public static ServiceNameRule CloudFrontOriginAccessControl { get; } =
        new("CloudFront origin access control", 1, 64, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    /// <summary>Response headers policies, key groups and public keys.</summary>
    public static ServiceNameRule CloudFrontName { get; } =
        new("CloudFront policy or key", 1, 128, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    /// <summary>A WAF web ACL or IP set.</summary>
    public static ServiceNameRule WafEntity { get; } =
        new("WAF web ACL or IP set", 1, 128, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    /// <summary>A WAF visibility-config metric name (no whitespace).</summary>
    public static ServiceNameRule WafMetric { get; } =
        new("WAF metric", 1, 255, WafMetricPattern(), "letters, digits and '_#:.-/'");

    [GeneratedRegex("^[a-zA-Z0-9_#:./-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WafMetricPattern();

    /// <summary>A VPC security group: up to 255 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&amp;;{}!$*,
    /// and not starting with "sg-".</summary>
    public static ServiceNameRule SecurityGroup { get; } =
        new("Security group", 1, 255, SecurityGroupPattern(),
            "letters, digits, spaces and '._-:/()#,@[]+=&;{}!$*', not starting with 'sg-'");

    public static ServiceNameRule EventBridgeRule { get; } =
        new("EventBridge rule", 1, 64, DynamoDbPattern(), "letters, digits, '_', '.' and '-'");

    /// <summary>AWS Config rules take any characters up to 128; the stack's names use letters, digits and '-'.</summary>
    public static ServiceNameRule ConfigRule { get; } =
        new("AWS Config rule", 1, 128, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    /// <summary>Configuration recorders and delivery channels.</summary>
    public static ServiceNameRule ConfigRecorder { get; } =
        new("AWS Config recorder", 1, 256, LettersDigitsHyphenUnderscore(), "letters, digits, '-' and '_'");

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DynamoDbPattern();

    [GeneratedRegex("^[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailPattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LettersDigitsHyphenUnderscore();

    [GeneratedRegex(@"^[\w+=,.@-]+$", RegexOptions.CultureInvariant | RegexOptions.ECMAScript)]
    private static partial Regex IamPattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPattern();

    [GeneratedRegex("^[\x20-\x7E]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PrintableAscii();

    [GeneratedRegex("^[a-zA-Z0-9_.#/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LogGroupPattern();

    [GeneratedRegex(@"^(?!sg-)[a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityGroupPattern();
}
