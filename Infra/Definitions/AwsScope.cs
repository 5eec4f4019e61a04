namespace OrdersPipeline.Infra.Definitions;

/// <summary>Where the stack runs: partition, region and account. Builds the ARN of a resource from its name, so a
/// key policy can name resources that are created after the key (and encrypted with it) without a cycle.</summary>
public sealed record AwsScope(string Partition, string Region, string AccountId)
{
    /// <summary>The partition is the second field of any ARN, e.g. the caller identity's.</summary>
    public static AwsScope FromCallerArn(string callerArn, string region, string accountId) =>
        new(callerArn.Split(':')[1], region, accountId);

    public string AccountRoot => $"arn:{Partition}:iam::{AccountId}:root";

    public string LogsServicePrincipal => $"logs.{Region}.amazonaws.com";

    public string LogGroupArn(string name) => $"arn:{Partition}:logs:{Region}:{AccountId}:log-group:{name}";

    /// <summary>Any CloudWatch Logs resource of this account and region (log delivery sources are named by
    /// CloudWatch Logs itself, so a delivery policy can only bind to this pattern).</summary>
    public string AnyLogsResourceArn => $"arn:{Partition}:logs:{Region}:{AccountId}:*";

    public string TopicArn(string name) => $"arn:{Partition}:sns:{Region}:{AccountId}:{name}";

    public string QueueArn(string name) => $"arn:{Partition}:sqs:{Region}:{AccountId}:{name}";

    public string AlarmArn(string name) => $"arn:{Partition}:cloudwatch:{Region}:{AccountId}:alarm:{name}";

    public string TrailArn(string name) => $"arn:{Partition}:cloudtrail:{Region}:{AccountId}:trail/{name}";

    public string TableArn(string name) => $"arn:{Partition}:dynamodb:{Region}:{AccountId}:table/{name}";

    public string BucketArn(string name) => $"arn:{Partition}:s3:::{name}";

    /// <summary>Every CloudFront distribution of the account (CloudFront is global: no region in its ARNs).</summary>
    public string CloudFrontDistributionsArn => $"arn:{Partition}:cloudfront::{AccountId}:distribution/*";
    /// <summary>Any VPC flow log of this account and region (a flow log's id is known only once it exists).</summary>
    public string FlowLogArnPattern => $"arn:{Partition}:ec2:{Region}:{AccountId}:vpc-flow-log/*";
    /// <summary>A rule on the account's default event bus.</summary>
    public string EventRuleArn(string name) => $"arn:{Partition}:events:{Region}:{AccountId}:rule/{name}";
}
