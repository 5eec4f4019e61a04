using System.Text.Json;
using NUnit.Framework;
using OrdersPipeline.Infra.Definitions;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

/// <summary><c>vpc: true</c> with the VPC the stack creates: the network, its endpoints, its security groups (443
/// only), its flow logs, and every function (ingest doors on) in its subnets with the ENI statement.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PrivateNetworkTests
{
    private const string FunctionsGroup = "dev-functions-sg-backend";
    private const string EndpointsGroup = "dev-endpoints-sg-backend";
    private const string FunctionsGroupId = FunctionsGroup + "-id";
    private const string EndpointsGroupId = EndpointsGroup + "-id";
    private const string FlowLogGroup = "/aws/vpc/flow-logs/dev-orders-vpc-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithIngest()
        .With("vpc", "true")
        .With("vpcInterfaceEndpoints", "sqs,sns,logs,xray")
        .With("logRetentionDays", "90")
        .RunAsync();

    private RegisteredResource Vpc => _run.Single(ResourceTypes.Vpc);

    private IReadOnlyList<RegisteredResource> Subnets => _run.OfType(ResourceTypes.Subnet).ToArray();

    private static string Tag(RegisteredResource resource) => (string)resource.Object("tags")["Name"]!;

    [Test]
    public void The_vpc_has_the_configured_range_and_dns_on_for_private_endpoint_names()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Vpc.String("cidrBlock"), Is.EqualTo("10.40.0.0/16"));
            Assert.That(Vpc.Bool("enableDnsSupport"), Is.True);
            Assert.That(Vpc.Bool("enableDnsHostnames"), Is.True);
            Assert.That(Tag(Vpc), Is.EqualTo("dev-orders-vpc-backend"));
        });
    }

    [Test]
    public void Two_private_subnets_halve_the_range_in_the_first_two_zones_the_lookup_returns()
    {
        Assert.That(Subnets.Select(subnet => (subnet.String("availabilityZone"), subnet.String("cidrBlock"))),
            Is.EquivalentTo(new[] { ("us-east-1d", "10.40.0.0/17"), ("us-east-1f", "10.40.128.0/17") }));
        Assert.That(Subnets.Select(subnet => subnet.Bool("mapPublicIpOnLaunch")), Has.All.False);
        Assert.That(Subnets.Select(subnet => subnet.String("vpcId")), Has.All.EqualTo("network-vpc-id"));
        var lookup = _run.Mocks.Calls.Single(call => call.Token == PipelineMocks.AvailabilityZonesToken);
        Assert.That(lookup.Args["state"], Is.EqualTo("available"));
        // Availability Zones only, never a Local Zone the account opted in to.
        var filter = RegisteredResource.AsObject(RegisteredResource.AsList(lookup.Args["filters"]).Single());
        Assert.That(filter["name"], Is.EqualTo("opt-in-status"));
        Assert.That(RegisteredResource.AsList(filter["values"]), Is.EqualTo(new[] { "opt-in-not-required" }));
    }

    [Test]
    public void The_subnets_share_one_route_table_with_no_route_out_and_nothing_reaches_the_internet()
    {
        var table = _run.Single(ResourceTypes.RouteTable);

        Assert.That(table.Has("routes") && table.List("routes").Count > 0, Is.False);
        Assert.That(_run.OfType(ResourceTypes.RouteTableAssociation).Select(a => (a.String("subnetId"), a.String("routeTableId"))),
            Is.EquivalentTo(new[] { ("network-subnet-1-id", "network-routes-id"), ("network-subnet-2-id", "network-routes-id") }));
        Assert.That(_run.Aws.Select(resource => resource.Type), Has.None.Contain("internetGateway")
            .And.None.Contain("natGateway").And.None.Contain("eip").And.None.Contain("/route:Route"));
    }

    [Test]
    public void S3_and_dynamodb_have_gateway_endpoints_on_the_route_table()
    {
        var gateways = _run.OfType(ResourceTypes.VpcEndpoint).Where(e => e.String("vpcEndpointType") == "Gateway").ToArray();

        Assert.That(gateways.Select(e => e.String("serviceName")),
            Is.EquivalentTo(new[] { "com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.dynamodb" }));
        Assert.That(gateways.Select(e => e.Strings("routeTableIds")), Has.All.EqualTo(new[] { "network-routes-id" }));
        Assert.That(gateways.Select(e => e.Has("subnetIds") || e.Has("securityGroupIds")), Has.All.False);
    }

    [Test]
    public void The_interface_endpoints_asked_for_have_private_dns_in_both_subnets()
    {
        var interfaces = _run.OfType(ResourceTypes.VpcEndpoint).Where(e => e.String("vpcEndpointType") == "Interface")
            .ToArray();

        Assert.That(interfaces.Select(e => e.String("serviceName")), Is.EquivalentTo(new[]
        {
            "com.amazonaws.us-east-1.sqs", "com.amazonaws.us-east-1.sns", "com.amazonaws.us-east-1.logs",
            "com.amazonaws.us-east-1.xray",
        }));
        Assert.Multiple(() =>
        {
            foreach (var endpoint in interfaces)
            {
                Assert.That(endpoint.Bool("privateDnsEnabled"), Is.True);
                Assert.That(endpoint.Strings("subnetIds"), Is.EqualTo(new[] { "network-subnet-1-id", "network-subnet-2-id" }));
                Assert.That(endpoint.Strings("securityGroupIds"), Is.EqualTo(new[] { EndpointsGroupId }));
                Assert.That(endpoint.String("vpcId"), Is.EqualTo("network-vpc-id"));
            }
        });
    }

    [Test]
    public void The_security_groups_allow_https_from_functions_to_endpoints_and_nothing_else()
    {
        var groups = _run.OfType(ResourceTypes.SecurityGroup).ToArray();
        var ingress = _run.OfType(ResourceTypes.SecurityGroupIngressRule).Select(Rule).ToArray();
        var egress = _run.OfType(ResourceTypes.SecurityGroupEgressRule).Select(Rule).ToArray();

        Assert.That(groups.Select(g => g.String("name")), Is.EquivalentTo(new[] { FunctionsGroup, EndpointsGroup }));
        // No inline rules: the provider then removes the default allow-all egress rule of a new group.
        Assert.That(groups.Select(g => g.Has("ingress") || g.Has("egress")), Has.All.False);
        Assert.That(ingress, Is.EqualTo(new[] { (EndpointsGroupId, "tcp", 443.0, 443.0, "sg:" + FunctionsGroupId) }));
        Assert.That(egress, Is.EquivalentTo(new[]
        {
            (FunctionsGroupId, "tcp", 443.0, 443.0, "sg:" + EndpointsGroupId),
            (FunctionsGroupId, "tcp", 443.0, 443.0, "pl:pl-s3"),
            (FunctionsGroupId, "tcp", 443.0, 443.0, "pl:pl-dynamodb"),
        }));
    }

    [Test]
    public void Every_function_runs_in_both_subnets_with_the_functions_group()
    {
        var functions = _run.OfType(ResourceTypes.Function).ToArray();

        Assert.That(functions, Has.Length.EqualTo(4));
        Assert.Multiple(() =>
        {
            foreach (var function in functions)
            {
                var config = function.Object("vpcConfig");
                Assert.That(RegisteredResource.AsList(config["subnetIds"]),
                    Is.EqualTo(new[] { "network-subnet-1-id", "network-subnet-2-id" }), function.Name);
                Assert.That(RegisteredResource.AsList(config["securityGroupIds"]), Is.EqualTo(new[] { FunctionsGroupId }),
                    function.Name);
            }
        });
    }

    [Test]
    public void Every_function_role_has_the_eni_statement_and_it_is_the_only_star_resource()
    {
        var functionPolicies = _run.OfType(ResourceTypes.RolePolicy)
            .Where(policy => policy.Name != "network-flow-logs-policy").ToArray();

        Assert.That(functionPolicies, Has.Length.EqualTo(4));
        Assert.Multiple(() =>
        {
            foreach (var policy in functionPolicies)
            {
                var statements = Statements(policy.String("policy"));
                var eni = statements.Single(s => s.GetProperty("Sid").GetString() == "ManageFunctionNetworkInterfaces");
                Assert.That(eni.GetProperty("Action").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[]
                {
                    "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                    "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
                }), policy.Name);
                Assert.That(eni.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()),
                    Is.EqualTo(new[] { "*" }), policy.Name);
                Assert.That(statements.Where(s => s.GetProperty("Resource").EnumerateArray().Any(r => r.GetString() == "*"))
                    .Select(s => s.GetProperty("Sid").GetString()), Is.EqualTo(new[] { "ManageFunctionNetworkInterfaces" }),
                    policy.Name);
            }
        });
    }

    [Test]
    public void Flow_logs_of_all_traffic_go_to_a_log_group_with_the_stack_retention()
    {
        var flowLog = _run.Single(ResourceTypes.FlowLog);
        var group = _run.Single(ResourceTypes.LogGroup, FlowLogGroup);

        Assert.Multiple(() =>
        {
            Assert.That(flowLog.String("vpcId"), Is.EqualTo("network-vpc-id"));
            Assert.That(flowLog.String("trafficType"), Is.EqualTo("ALL"));
            Assert.That(flowLog.String("logDestinationType"), Is.EqualTo("cloud-watch-logs"));
            Assert.That(flowLog.String("logDestination"), Is.EqualTo(MockAws.LogGroupArn(FlowLogGroup)));
            Assert.That(flowLog.String("iamRoleArn"), Is.EqualTo(MockAws.RoleArn("dev-vpc-flow-logs-role-backend")));
            Assert.That(group.Number("retentionInDays"), Is.EqualTo(90));
            Assert.That(group.Has("kmsKeyId"), Is.False);
        });
    }

    [Test]
    public void The_flow_log_role_is_for_this_accounts_flow_logs_and_writes_only_its_log_group()
    {
        var role = _run.Single(ResourceTypes.Role, "dev-vpc-flow-logs-role-backend");
        var policy = _run.Single(ResourceTypes.RolePolicy, "dev-vpc-flow-logs-policy-backend");

        Assert.That(role.String("assumeRolePolicy"), Is.EqualTo(PolicyDocuments.VpcFlowLogsTrustPolicy(
            new AwsScope("aws", MockAws.Region, MockAws.AccountId))));
        Assert.That(role.String("assumeRolePolicy"),
            Does.Contain("\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*\"}"));
        Assert.That(policy.String("policy"), Is.EqualTo(PolicyDocuments.RolePolicy(
            [new("DeliverFlowLogs", ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                [MockAws.LogGroupArn(FlowLogGroup) + ":*"])])));
    }

    [Test]
    public async Task The_outputs_name_the_network()
    {
        var stack = _run.Stack;

        Assert.That(await OutputUtilities.GetValueAsync(stack.VpcId), Is.EqualTo("network-vpc-id"));
        Assert.That(await OutputUtilities.GetValueAsync(stack.FunctionSubnetIds),
            Is.EqualTo(new[] { "network-subnet-1-id", "network-subnet-2-id" }));
        Assert.That(await OutputUtilities.GetValueAsync(stack.FunctionSecurityGroupId), Is.EqualTo(FunctionsGroupId));
        Assert.That(await OutputUtilities.GetValueAsync(stack.VpcFlowLogGroupName), Is.EqualTo(FlowLogGroup));
    }

    [Test]
    public void Every_network_resource_is_a_child_of_the_component_and_uses_the_stack_provider()
    {
        var network = _run.Aws.Where(resource => resource.Name.StartsWith("network-", StringComparison.Ordinal)).ToArray();

        Assert.That(network, Has.Length.EqualTo(22));
        Assert.That(network.Select(resource => resource.Provider), Has.All.Contain("aws-pipeline"));
    }

    /// <summary>A rule as (group, protocol, from, to, "sg:&lt;id&gt;" | "pl:&lt;id&gt;" | "cidr:&lt;range&gt;").</summary>
    internal static (string, string, double, double, string) Rule(RegisteredResource rule) => (
        rule.String("securityGroupId"), rule.String("ipProtocol"), rule.Number("fromPort"), rule.Number("toPort"),
        rule.Has("referencedSecurityGroupId") ? "sg:" + rule.String("referencedSecurityGroupId")
        : rule.Has("prefixListId") ? "pl:" + rule.String("prefixListId")
        : "cidr:" + rule.String("cidrIpv4"));

    internal static JsonElement[] Statements(string policy)
    {
        using var document = JsonDocument.Parse(policy);
        return document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.Clone()).ToArray();
    }
}
