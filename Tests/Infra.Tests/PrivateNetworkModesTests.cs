using NUnit.Framework;
using OrdersPipeline.Infra.Definitions;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

/// <summary>The private network with a customer key, with an existing VPC, and off.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PrivateNetworkModesTests
{
    private const string ExistingVpc = "vpc-0a1b2c3d4e5f60718";
    private const string FunctionsGroupId = "dev-functions-sg-backend-id";
    private static readonly string[] ExistingSubnets = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"];

    private static readonly string[] NetworkTypes =
    [
        ResourceTypes.Vpc, ResourceTypes.Subnet, ResourceTypes.RouteTable, ResourceTypes.RouteTableAssociation,
        ResourceTypes.VpcEndpoint, ResourceTypes.FlowLog,
    ];

    [Test]
    public async Task With_a_customer_key_the_flow_logs_are_encrypted_with_the_key_and_kms_gets_no_endpoint_unasked()
    {
        var run = await StackRun.WithDefaults().With("vpc", "true").With("encryption", "customer-key").RunAsync();
        var keyArn = MockAws.KeyArn("encryption-key");
        var flowLogGroup = "/aws/vpc/flow-logs/dev-orders-vpc-backend";

        // The functions call KMS through S3, DynamoDB, SQS and Lambda, never themselves: no endpoint by default.
        Assert.That(run.OfType(ResourceTypes.VpcEndpoint).Where(e => e.String("vpcEndpointType") == "Interface"), Is.Empty);
        Assert.That(run.Single(ResourceTypes.LogGroup, flowLogGroup).String("kmsKeyId"), Is.EqualTo(keyArn));
        // Logs may use the key for the flow log group: the key policy names it.
        Assert.That(run.Single(ResourceTypes.Key).String("policy"), Does.Contain(MockAws.LogGroupArn(flowLogGroup)));
        // The stack key statement and the ENI statement side by side.
        Assert.That(run.OfType(ResourceTypes.RolePolicy).Where(p => p.Name != "network-flow-logs-policy")
            .Select(p => PrivateNetworkTests.Statements(p.String("policy")).Select(s => s.GetProperty("Sid").GetString())),
            Has.All.Contains("UseStackKey").And.All.Contains("ManageFunctionNetworkInterfaces"));
    }

    [Test]
    public async Task Interface_endpoints_are_made_only_for_the_services_vpcInterfaceEndpoints_names()
    {
        var none = await StackRun.WithDefaults().With("vpc", "true").RunAsync();
        var two = await StackRun.WithDefaults().With("vpc", "true").With("vpcInterfaceEndpoints", "kms,sqs").RunAsync();

        Assert.That(none.OfType(ResourceTypes.VpcEndpoint).Select(e => e.String("vpcEndpointType")),
            Is.EquivalentTo(new[] { "Gateway", "Gateway" }));
        Assert.That(two.OfType(ResourceTypes.VpcEndpoint).Where(e => e.String("vpcEndpointType") == "Interface")
            .Select(e => e.String("serviceName")), Is.EquivalentTo(new[]
            {
                "com.amazonaws.us-east-1.sqs", "com.amazonaws.us-east-1.kms",
            }));
    }

    [Test]
    public async Task An_existing_vpc_gets_only_the_functions_group_which_reaches_the_vpc_range_and_the_prefix_lists()
    {
        var run = await StackRun.WithIngest()
            .With("vpc", "true")
            .With("vpcId", ExistingVpc)
            .With("subnetIds", string.Join(",", ExistingSubnets))
            .RunAsync();

        Assert.That(run.Aws.Where(resource => NetworkTypes.Contains(resource.Type)), Is.Empty);
        Assert.That(run.OfType(ResourceTypes.LogGroup).Select(g => g.String("name")), Has.None.Contain("/aws/vpc/"));
        var group = run.Single(ResourceTypes.SecurityGroup);
        Assert.That((group.String("name"), group.String("vpcId")), Is.EqualTo(("dev-functions-sg-backend", ExistingVpc)));
        Assert.That(run.OfType(ResourceTypes.SecurityGroupIngressRule), Is.Empty);
        Assert.That(run.OfType(ResourceTypes.SecurityGroupEgressRule).Select(PrivateNetworkTests.Rule), Is.EquivalentTo(new[]
        {
            (FunctionsGroupId, "tcp", 443.0, 443.0, "cidr:" + MockAws.ExistingVpcCidr),
            (FunctionsGroupId, "tcp", 443.0, 443.0, "pl:pl-s3"),
            (FunctionsGroupId, "tcp", 443.0, 443.0, "pl:pl-dynamodb"),
        }));
        Assert.That(run.Mocks.Calls.Where(call => call.Token == PipelineMocks.PrefixListToken)
            .Select(call => call.Args["name"]), Is.EquivalentTo(new[] { "com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.dynamodb" }));
        Assert.That(run.Mocks.Calls.Single(call => call.Token == PipelineMocks.VpcToken).Args["id"], Is.EqualTo(ExistingVpc));
        Assert.That(run.Mocks.Calls.Select(call => call.Token), Has.None.EqualTo(PipelineMocks.AvailabilityZonesToken));

        var functions = run.OfType(ResourceTypes.Function).ToArray();
        Assert.That(functions, Has.Length.EqualTo(4));
        Assert.That(functions.Select(f => RegisteredResource.AsList(f.Object("vpcConfig")["subnetIds"])),
            Has.All.EqualTo(ExistingSubnets));
        Assert.That(functions.Select(f => RegisteredResource.AsList(f.Object("vpcConfig")["securityGroupIds"])),
            Has.All.EqualTo(new[] { FunctionsGroupId }));
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.VpcId), Is.EqualTo(ExistingVpc));
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.FunctionSubnetIds), Is.EqualTo(ExistingSubnets));
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.VpcFlowLogGroupName), Is.Empty);
    }

    [Test]
    public async Task Off_there_is_no_network_resource_no_vpc_config_and_no_eni_statement()
    {
        var run = await StackRun.WithIngest().With("encryption", "customer-key").With("auditTrail", "true").RunAsync();

        Assert.That(run.Aws.Select(resource => resource.Type),
            Has.None.StartWith("aws:ec2/").And.None.StartWith("aws:vpc/"));
        Assert.That(run.Mocks.Calls.Select(call => call.Token), Has.None.EqualTo(PipelineMocks.AvailabilityZonesToken)
            .And.None.EqualTo(PipelineMocks.PrefixListToken).And.None.EqualTo(PipelineMocks.VpcToken));
        var functions = run.OfType(ResourceTypes.Function).ToArray();
        Assert.That(functions, Has.Length.EqualTo(4));
        Assert.That(functions.Select(f => f.Has("vpcConfig")), Has.All.False);
        Assert.That(run.OfType(ResourceTypes.RolePolicy).Select(p => p.String("policy")),
            Has.None.Contain("ec2:").And.None.Contain(PolicyDocuments.NetworkInterfacesStatement.Sid));
        Assert.That(run.Single(ResourceTypes.Key).String("policy"), Does.Not.Contain("/aws/vpc/"));
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.VpcId), Is.Empty);
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.FunctionSubnetIds), Is.Empty);
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.FunctionSecurityGroupId), Is.Empty);
    }
}
