namespace OrdersPipeline.Infra.Tests;

/// <summary>Pulumi type tokens of the AWS resources the program registers.</summary>
internal static class ResourceTypes
{
    public const string Provider = "pulumi:providers:aws";
    public const string Table = "aws:dynamodb/table:Table";
    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string BucketVersioning = "aws:s3/bucketVersioning:BucketVersioning";
    public const string BucketEncryption =
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string BucketPublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string BucketOwnershipControls = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    public const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    public const string BucketLifecycle = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
    public const string Function = "aws:lambda/function:Function";
    public const string EventSourceMapping = "aws:lambda/eventSourceMapping:EventSourceMapping";
    public const string Role = "aws:iam/role:Role";
    public const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string Queue = "aws:sqs/queue:Queue";
    public const string QueuePolicy = "aws:sqs/queuePolicy:QueuePolicy";
    public const string Topic = "aws:sns/topic:Topic";
    public const string TopicSubscription = "aws:sns/topicSubscription:TopicSubscription";
    public const string MetricAlarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    public const string Dashboard = "aws:cloudwatch/dashboard:Dashboard";
    public const string Key = "aws:kms/key:Key";
    public const string Alias = "aws:kms/alias:Alias";
    public const string BucketLogging = "aws:s3/bucketLogging:BucketLogging";
    public const string BucketObjectLock = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
    public const string Trail = "aws:cloudtrail/trail:Trail";
    public const string LogMetricFilter = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
    public const string StackReference = "pulumi:pulumi:StackReference";


    // Ingest.
    public const string RestApi = "aws:apigateway/restApi:RestApi";
    public const string ApiResource = "aws:apigateway/resource:Resource";
    public const string ApiMethod = "aws:apigateway/method:Method";
    public const string ApiIntegration = "aws:apigateway/integration:Integration";
    public const string ApiModel = "aws:apigateway/model:Model";
    public const string ApiRequestValidator = "aws:apigateway/requestValidator:RequestValidator";
    public const string ApiDeployment = "aws:apigateway/deployment:Deployment";
    public const string ApiStage = "aws:apigateway/stage:Stage";
    public const string ApiMethodSettings = "aws:apigateway/methodSettings:MethodSettings";
    public const string ApiKey = "aws:apigateway/apiKey:ApiKey";
    public const string UsagePlan = "aws:apigateway/usagePlan:UsagePlan";
    public const string UsagePlanKey = "aws:apigateway/usagePlanKey:UsagePlanKey";
    public const string ApiAccount = "aws:apigateway/account:Account";
    public const string GatewayResponse = "aws:apigateway/response:Response";
    public const string LambdaPermission = "aws:lambda/permission:Permission";
    public const string EventInvokeConfig = "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig";
    public const string BucketNotification = "aws:s3/bucketNotification:BucketNotification";
    public const string Secret = "aws:secretsmanager/secret:Secret";
    public const string SecretVersion = "aws:secretsmanager/secretVersion:SecretVersion";

    // CDN read path.
    public const string Distribution = "aws:cloudfront/distribution:Distribution";
    public const string OriginAccessControl = "aws:cloudfront/originAccessControl:OriginAccessControl";
    public const string ResponseHeadersPolicy = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
    public const string PublicKey = "aws:cloudfront/publicKey:PublicKey";
    public const string KeyGroup = "aws:cloudfront/keyGroup:KeyGroup";
    // Edge and network.
    public const string WebAcl = "aws:wafv2/webAcl:WebAcl";
    public const string IpSet = "aws:wafv2/ipSet:IpSet";
    public const string WebAclAssociation = "aws:wafv2/webAclAssociation:WebAclAssociation";
    public const string WebAclLogging = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
    public const string LogResourcePolicy = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
    // Private network.
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string SecurityGroupEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    // Threat detection.
    public const string Detector = "aws:guardduty/detector:Detector";
    public const string DetectorFeature = "aws:guardduty/detectorFeature:DetectorFeature";
    public const string EventRule = "aws:cloudwatch/eventRule:EventRule";
    public const string EventTarget = "aws:cloudwatch/eventTarget:EventTarget";
    public const string TopicPolicy = "aws:sns/topicPolicy:TopicPolicy";
    public const string ConfigRule = "aws:cfg/rule:Rule";
    public const string ConfigRecorder = "aws:cfg/recorder:Recorder";
    public const string DeliveryChannel = "aws:cfg/deliveryChannel:DeliveryChannel";
    public const string RecorderStatus = "aws:cfg/recorderStatus:RecorderStatus";
}
