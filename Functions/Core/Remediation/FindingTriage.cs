namespace OrdersPipeline.Functions.Remediation;

/// <summary>What to do with a finding.</summary>
public enum TriageKind
{
    /// <summary>An access-key finding on one of the stack's roles: store it in the audit table.</summary>
    Record,

    /// <summary>A finding on the processed bucket: make sure its public access block is fully on.</summary>
    RestrictBucket,

    /// <summary>Not about this stack's resources (or not a kind of finding the function acts on).</summary>
    Ignore,
}

/// <summary>The decision and why; <see cref="Resource"/> names the role or bucket it is about, when there is
/// one.</summary>
public sealed record TriageDecision(TriageKind Kind, string Reason, string? Resource);

/// <summary>
/// Decides what the remediation function does with a finding (docs/edge-and-network.md, "The remediation
/// function"). Pure: no I/O, the same finding and settings always give the same decision.
/// </summary>
public static class FindingTriage
{
    /// <summary>GuardDuty's <c>resource.resourceType</c> of IAM credential findings.</summary>
    public const string AccessKeyResource = "AccessKey";

    /// <summary>The <c>resource.resourceType</c> of S3 protection findings (always, per the S3 finding types).</summary>
    public const string S3BucketResource = "S3Bucket";

    /// <summary>The <c>accessKeyDetails.userType</c> of role credentials (CloudTrail's <c>userIdentity.type</c>).</summary>
    public const string AssumedRoleUserType = "AssumedRole";

    public static TriageDecision Decide(GuardDutyFinding finding, string processedBucketName, IReadOnlyCollection<string> stackRoleNames)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var resource = finding.Resource;
        return resource?.ResourceType switch
        {
            null => Ignore("the finding names no resource type", null),
            AccessKeyResource => DecideAccessKey(resource.AccessKeyDetails, stackRoleNames),
            S3BucketResource => DecideBucket(resource.S3BucketDetails, processedBucketName),
            var other => Ignore($"resource type '{other}' is not one the function acts on (AccessKey, S3Bucket)", null),
        };
    }

    private static TriageDecision DecideAccessKey(AccessKeyDetails? key, IReadOnlyCollection<string> stackRoleNames)
    {
        if (key is null)
        {
            return Ignore("an AccessKey finding without accessKeyDetails", null);
        }

        if (!string.Equals(key.UserType, AssumedRoleUserType, StringComparison.Ordinal))
        {
            return Ignore(
                $"the credentials are of {key.UserType ?? "a principal of unknown type"} '{key.UserName}', not of a role of this stack",
                key.UserName);
        }

        // For a role, userName is the role's name; principalId holds the role's unique id (AROA...), which the
        // stack's configuration does not know, so it cannot be matched.
        var role = stackRoleNames.FirstOrDefault(r => string.Equals(r, key.UserName, StringComparison.OrdinalIgnoreCase));
        return role is null
            ? Ignore($"role '{key.UserName}' is not one of this stack's roles", key.UserName)
            : new TriageDecision(TriageKind.Record, $"access-key finding on this stack's role '{role}'", role);
    }

    private static TriageDecision DecideBucket(List<S3BucketDetail>? buckets, string processedBucketName)
    {
        if (buckets is not { Count: > 0 })
        {
            return Ignore("an S3Bucket finding without s3BucketDetails", null);
        }

        if (buckets.Any(b => NamesBucket(b, processedBucketName)))
        {
            return new TriageDecision(TriageKind.RestrictBucket, $"finding on the processed bucket '{processedBucketName}'",
                processedBucketName);
        }

        var named = string.Join(", ", buckets.Select(b => b.Name ?? b.Arn ?? "(unnamed)"));
        return Ignore($"bucket {named} is not this stack's processed bucket", named);
    }

    /// <summary>By name, or by ARN (<c>arn:&lt;partition&gt;:s3:::&lt;name&gt;</c>) when the name is missing. Bucket
    /// names are lower case and compared exactly.</summary>
    private static bool NamesBucket(S3BucketDetail bucket, string processedBucketName) =>
        bucket.Name is { Length: > 0 } name
            ? string.Equals(name, processedBucketName, StringComparison.Ordinal)
            : bucket.Arn is { } arn && arn.StartsWith("arn:", StringComparison.Ordinal) &&
              arn.EndsWith(":s3:::" + processedBucketName, StringComparison.Ordinal);

    private static TriageDecision Ignore(string reason, string? resource) => new(TriageKind.Ignore, reason, resource);
}
