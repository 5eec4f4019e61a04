using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace OrdersPipeline.Infra.Tests;

/// <summary>Engine double: records every registered resource with its inputs, returns the inputs as outputs and
/// adds the attributes AWS would compute (ARNs, URLs, stream ARN), so the program's policies can be checked
/// against exact ARNs.</summary>
internal sealed class PipelineMocks : IMocks
{
    public const string CallerIdentityToken = "aws:index/getCallerIdentity:getCallerIdentity";
    public const string RegionToken = "aws:index/getRegion:getRegion";
    public const string StackReferenceType = "pulumi:pulumi:StackReference";
    public const string AvailabilityZonesToken = "aws:index/getAvailabilityZones:getAvailabilityZones";
    public const string PrefixListToken = "aws:ec2/getPrefixList:getPrefixList";
    public const string VpcToken = "aws:ec2/getVpc:getVpc";
    public const string DetectorToken = "aws:guardduty/getDetector:getDetector";

    private readonly ConcurrentQueue<RegisteredResource> _registered = new();
    private readonly ConcurrentQueue<MockCallArgs> _calls = new();

    public IReadOnlyList<RegisteredResource> Registered => _registered.ToArray();

    public IReadOnlyList<MockCallArgs> Calls => _calls.ToArray();

    /// <summary>The outputs of the stack's previous deployment, as a stack reference to itself reads them; empty
    /// for a stack that was never deployed.</summary>
    public Dictionary<string, object> PriorOutputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The region's GuardDuty detector; null for a region with none, where the lookup fails as the
    /// provider's does.</summary>
    public string? RegionDetectorId { get; set; }

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var type = args.Type ?? string.Empty;
        var name = args.Name ?? string.Empty;
        _registered.Enqueue(new RegisteredResource(type, name, args.Inputs, args.Provider));

        var state = args.Inputs.ToBuilder();
        var physicalName = args.Inputs.TryGetValue("name", out var value) && value is string text ? text : name;
        switch (type)
        {
            case "aws:dynamodb/table:Table":
                state["arn"] = MockAws.TableArn(physicalName);
                state["streamArn"] = MockAws.StreamArn(physicalName);
                break;
            case "aws:s3/bucket:Bucket":
                var bucket = (string)args.Inputs["bucket"];
                state["arn"] = MockAws.BucketArn(bucket);
                state["bucketRegionalDomainName"] = MockAws.BucketRegionalDomainName(bucket);
                physicalName = bucket;
                break;
            case "aws:sqs/queue:Queue":
                state["arn"] = MockAws.QueueArn(physicalName);
                state["url"] = MockAws.QueueUrl(physicalName);
                break;
            case "aws:lambda/function:Function":
                state["arn"] = MockAws.FunctionArn(physicalName);
                state["invokeArn"] = MockAws.InvokeArn(MockAws.FunctionArn(physicalName));
                break;
            case "aws:apigateway/restApi:RestApi":
                state["rootResourceId"] = MockAws.RootResourceId;
                state["executionArn"] = MockAws.ExecutionArn(MockAws.RestApiId);
                return Task.FromResult<(string? id, object state)>((MockAws.RestApiId, state.ToImmutable()));
            case "aws:apigateway/stage:Stage":
                state["invokeUrl"] = MockAws.InvokeUrl(MockAws.RestApiId, (string)args.Inputs["stageName"]);
                state["executionArn"] = $"{MockAws.ExecutionArn(MockAws.RestApiId)}/{args.Inputs["stageName"]}";
                state["arn"] = MockAws.StageArn(MockAws.RestApiId, (string)args.Inputs["stageName"]);
                break;
            case "aws:wafv2/webAcl:WebAcl":
                state["arn"] = MockAws.WebAclArn(physicalName);
                break;
            case "aws:wafv2/ipSet:IpSet":
                state["arn"] = MockAws.IpSetArn(physicalName);
                break;
            case "aws:iam/role:Role":
                state["arn"] = MockAws.RoleArn(physicalName);
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                state["arn"] = MockAws.LogGroupArn(physicalName);
                break;
            case "aws:sns/topic:Topic":
                state["arn"] = MockAws.TopicArn(physicalName);
                break;
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                state["arn"] = MockAws.AlarmArn(physicalName);
                break;
            case "aws:lambda/eventSourceMapping:EventSourceMapping":
                state["uuid"] = $"{name}-uuid";
                break;
            case "aws:kms/key:Key":
                state["arn"] = MockAws.KeyArn(name);
                state["keyId"] = MockAws.KeyId(name);
                break;
            case "aws:cloudtrail/trail:Trail":
                state["arn"] = MockAws.TrailArn(physicalName);
                break;
            case "aws:apigateway/apiKey:ApiKey":
                state["value"] = MockAws.ApiKeyValue;
                break;
            case "aws:secretsmanager/secret:Secret":
                state["arn"] = MockAws.SecretArn(physicalName);
                break;
            case "aws:cloudfront/distribution:Distribution":
                state["arn"] = MockAws.DistributionArn;
                state["domainName"] = MockAws.DistributionDomainName;
                return Task.FromResult<(string? id, object state)>((MockAws.DistributionId, state.ToImmutable()));
            case "aws:ec2/vpcEndpoint:VpcEndpoint" when Equals(args.Inputs["vpcEndpointType"], "Gateway"):
                state["prefixListId"] = MockAws.PrefixListId((string)args.Inputs["serviceName"]);
                break;
            case "aws:cloudwatch/eventRule:EventRule":
                state["arn"] = MockAws.EventRuleArn(physicalName);
                break;
            case "aws:guardduty/detector:Detector":
                return Task.FromResult<(string? id, object state)>((MockAws.DetectorId, state.ToImmutable()));
            case "aws:cfg/rule:Rule":
                state["arn"] = MockAws.ConfigRuleArn(physicalName);
                break;
            case StackReferenceType:
                state["outputs"] = PriorOutputs.ToImmutableDictionary();
                state["secretOutputNames"] = ImmutableArray<object>.Empty;
                break;
        }

        // A new resource comes with an empty id; an empty id reads as unknown, so every resource gets one.
        var id = string.IsNullOrEmpty(args.Id) ? $"{physicalName}-id" : args.Id;
        return Task.FromResult<(string? id, object state)>((id, state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        _calls.Enqueue(args);
        if (args.Token == DetectorToken && RegionDetectorId is null)
        {
            throw new InvalidOperationException("reading this account's single GuardDuty Detector: empty result");
        }

        object result = args.Token switch
        {
            CallerIdentityToken => ImmutableDictionary<string, object>.Empty
                .Add("accountId", MockAws.AccountId)
                .Add("arn", $"arn:aws:iam::{MockAws.AccountId}:user/test")
                .Add("id", MockAws.AccountId)
                .Add("userId", "AIDTEST"),
            RegionToken => ImmutableDictionary<string, object>.Empty
                .Add("region", MockAws.Region)
                .Add("name", MockAws.Region)
                .Add("id", MockAws.Region)
                .Add("endpoint", $"ec2.{MockAws.Region}.amazonaws.com")
                .Add("description", "US East (N. Virginia)"),
            AvailabilityZonesToken => ImmutableDictionary<string, object>.Empty
                .Add("id", MockAws.Region)
                .Add("names", MockAws.AvailabilityZones.Cast<object>().ToImmutableArray())
                .Add("zoneIds", MockAws.AvailabilityZones.Select((_, index) => (object)$"use1-az{index + 1}")
                    .ToImmutableArray())
                .Add("groupNames", ImmutableArray.Create<object>(MockAws.Region)),
            PrefixListToken => ImmutableDictionary<string, object>.Empty
                .Add("id", MockAws.PrefixListId((string)args.Args["name"]))
                .Add("name", (string)args.Args["name"])
                .Add("cidrBlocks", ImmutableArray.Create<object>("192.0.2.0/24")),
            VpcToken => ImmutableDictionary<string, object>.Empty
                .Add("id", (string)args.Args["id"])
                .Add("arn", $"arn:aws:ec2:{MockAws.Region}:{MockAws.AccountId}:vpc/{args.Args["id"]}")
                .Add("cidrBlock", MockAws.ExistingVpcCidr)
                .Add("state", "available"),
            DetectorToken => ImmutableDictionary<string, object>.Empty
                .Add("id", RegionDetectorId!)
                .Add("status", "ENABLED")
                .Add("findingPublishingFrequency", "SIX_HOURS")
                .Add("serviceRoleArn", $"arn:aws:iam::{MockAws.AccountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty"),
            _ => ImmutableDictionary<string, object>.Empty,
        };
        return Task.FromResult(result);
    }
}
