using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>The private network's plain parts: address plan, zones, endpoint services, names, policies, config rules.</summary>
[TestFixture]
public sealed class NetworkDefinitionsTests
{
    [TestCase("10.40.0.0/16", "10.40.0.0/17", "10.40.128.0/17")]
    [TestCase("172.16.0.0/20", "172.16.0.0/21", "172.16.8.0/21")]
    [TestCase("192.168.7.0/24", "192.168.7.0/25", "192.168.7.128/25")]
    [TestCase("10.255.0.0/16", "10.255.0.0/17", "10.255.128.0/17")]
    public void The_subnets_are_the_two_halves_of_the_vpc_range(string vpc, string first, string second)
    {
        Assert.That(NetworkLayout.SubnetCidrs(vpc), Is.EqualTo(new[] { first, second }));
    }

    [TestCase("10.40.1.0/16", "host bits set; the network address is 10.40.0.0/16")]
    [TestCase("10.40.0.0/15", "prefix from /16 to /24")]
    [TestCase("10.40.0.0/25", "prefix from /16 to /24")]
    [TestCase("10.40.0/16", "not an IPv4 CIDR block")]
    [TestCase("::1/16", "not an IPv4 CIDR block")]
    [TestCase("10.40.0.0", "not an IPv4 CIDR block")]
    public void A_range_that_cannot_be_halved_is_refused_with_the_reason(string vpc, string reason)
    {
        Assert.That(NetworkLayout.CidrProblem(vpc), Does.Contain(reason));
        Assert.That(() => NetworkLayout.SubnetCidrs(vpc), Throws.ArgumentException.With.Message.Contain(reason));
    }

    [Test]
    public void The_first_two_distinct_zones_are_picked_in_lookup_order()
    {
        Assert.That(NetworkLayout.PickZones(["eu-west-1b", "eu-west-1b", "eu-west-1a", "eu-west-1c"], "eu-west-1"),
            Is.EqualTo(new[] { "eu-west-1b", "eu-west-1a" }));
    }

    [Test]
    public void A_region_with_one_zone_is_refused_naming_the_way_out()
    {
        Assert.That(() => NetworkLayout.PickZones(["xx-test-1a"], "xx-test-1"), Throws.ArgumentException
            .With.Message.Contain("'xx-test-1' has 1 available zone(s) (xx-test-1a)").And.Message.Contain("vpcId"));
    }

    [Test]
    public void No_interface_endpoint_by_default_and_only_the_named_ones_in_a_fixed_order()
    {
        Assert.That(NetworkLayout.InterfaceServices(null), Is.Empty);
        Assert.That(new ConfigFixture().With("vpc", "true").Parse().Get(ConfigSchema.VpcInterfaceEndpoints), Is.Null);
        Assert.That(NetworkLayout.InterfaceServices("kms, sqs"), Is.EqualTo(new[] { "sqs", "kms" }));
        Assert.That(NetworkLayout.InterfaceServices("xray,logs,sns,sqs,kms"),
            Is.EqualTo(new[] { "sqs", "sns", "logs", "xray", "kms" }));
        Assert.That(NetworkLayout.OptionalInterfaceServices, Has.None.EqualTo("secretsmanager"));
        Assert.That(NetworkLayout.GatewayServices, Is.EqualTo(new[] { "s3", "dynamodb" }));
        Assert.That(NetworkLayout.ServiceName("eu-west-1", "sqs"), Is.EqualTo("com.amazonaws.eu-west-1.sqs"));
    }

    [Test]
    public void Interface_endpoints_are_taken_in_the_vpc_the_stack_creates()
    {
        var config = new ConfigFixture().With("vpc", "true").With("vpcInterfaceEndpoints", "sqs,logs").Parse();

        Assert.That(NetworkLayout.InterfaceServices(config.Get(ConfigSchema.VpcInterfaceEndpoints)),
            Is.EqualTo(new[] { "sqs", "logs" }));
    }

    [TestCase("sqs,secretsmanager", "a comma-separated list of distinct items from sqs, sns, logs, xray, kms")]
    [TestCase("sqs,sqs", "distinct items")]
    [TestCase("SQS", "distinct items from")]
    public void An_unknown_or_repeated_endpoint_service_is_refused(string value, string message)
    {
        var error = new ConfigFixture().With("vpc", "true").With("vpcInterfaceEndpoints", value).ParseFails();

        Assert.That(error.Message, Does.Contain("'orders-pipeline:vpcInterfaceEndpoints'").And.Contain(message));
    }

    [Test]
    public void Interface_endpoints_without_vpc_or_with_an_existing_vpc_are_refused()
    {
        var withoutVpc = new ConfigFixture().With("vpcInterfaceEndpoints", "sqs").ParseFails();
        var existingVpc = new ConfigFixture().With("vpc", "true").With("vpcInterfaceEndpoints", "sqs")
            .With("vpcId", "vpc-0a1b2c3d").With("subnetIds", "subnet-0a1b2c3d,subnet-1a2b3c4d").ParseFails();

        Assert.That(withoutVpc.Message, Does.Contain("pulumi config set orders-pipeline:vpc true"));
        Assert.That(existingVpc.Problems, Has.Count.EqualTo(1));
        Assert.That(existingVpc.Message, Does.Contain("'orders-pipeline:vpcInterfaceEndpoints'")
            .And.Contain("no endpoint in an existing VPC"));
    }

    // Local Zones report opt-in-status opted-in and sort before the region's zones; they take no interface endpoint.
    [Test]
    public void The_zone_lookup_takes_available_availability_zones_only_never_local_zones()
    {
        Assert.That(NetworkLayout.AvailableZoneState, Is.EqualTo("available"));
        Assert.That(NetworkLayout.ZoneOptInStatusFilter, Is.EqualTo("opt-in-status"));
        Assert.That(NetworkLayout.ZoneOptInStatuses, Is.EqualTo(new[] { "opt-in-not-required" }));
    }

    [Test]
    public void The_eni_statement_is_exactly_the_managed_vpc_access_actions_on_star_and_only_added_in_the_vpc()
    {
        var own = new PolicyStatement("Own", ["s3:PutObject"], ["arn:aws:s3:::b/*"]);
        var statement = PolicyDocuments.NetworkInterfacesStatement;

        Assert.That(statement.Sid, Is.EqualTo("ManageFunctionNetworkInterfaces"));
        // The actions of AWSLambdaVPCAccessExecutionRole (Lambda's VPC documentation), no more.
        Assert.That(statement.Actions, Is.EquivalentTo(new[]
        {
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
        }));
        Assert.That(statement.Resources, Is.EqualTo(new[] { "*" }));
        Assert.That(PolicyDocuments.WithNetworkInterfaces([own], inVpc: true), Is.EqualTo(new[] { own, statement }));
        Assert.That(PolicyDocuments.WithNetworkInterfaces([own], inVpc: false), Is.EqualTo(new[] { own }));
    }

    [Test]
    public void The_flow_log_trust_is_bound_to_this_accounts_flow_logs_and_delivery_to_one_log_group()
    {
        var scope = new AwsScope("aws-us-gov", "us-gov-west-1", "210987654321");
        var trust = PolicyJson.Parse(PolicyDocuments.VpcFlowLogsTrustPolicy(scope)).Statements.Single();
        var delivery = PolicyJson.Parse(PolicyDocuments.RolePolicy(
            PolicyDocuments.VpcFlowLogsDeliveryStatements("arn:aws:logs:r:1:log-group:/aws/vpc/flow-logs/x"))).Statements.Single();

        Assert.That(trust.Principal, Is.EqualTo("""{"Service":"vpc-flow-logs.amazonaws.com"}"""));
        Assert.That(trust.Actions, Is.EqualTo(new[] { "sts:AssumeRole" }));
        Assert.That(trust.Condition, Is.EqualTo(
            """{"StringEquals":{"aws:SourceAccount":"210987654321"},"ArnLike":{"aws:SourceArn":"arn:aws-us-gov:ec2:us-gov-west-1:210987654321:vpc-flow-log/*"}}"""));
        Assert.That(delivery.Actions, Is.EqualTo(new[] { "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams" }));
        Assert.That(delivery.Resources, Is.EqualTo(new[] { "arn:aws:logs:r:1:log-group:/aws/vpc/flow-logs/x:*" }));
    }

    [Test]
    public void Network_names_follow_the_pattern_and_only_the_resources_made_are_checked()
    {
        var names = new ResourceNames("dev", "backend");

        Assert.That(names.Vpc, Is.EqualTo("dev-orders-vpc-backend"));
        Assert.That(names.PrivateSubnet(0), Is.EqualTo("dev-private-subnet-1-backend"));
        Assert.That(names.VpcFlowLogGroup, Is.EqualTo("/aws/vpc/flow-logs/dev-orders-vpc-backend"));
        Assert.That(names.VpcEndpoint("s3"), Is.EqualTo("dev-s3-endpoint-backend"));
        Assert.That(names.Network(vpc: false, createsVpc: true), Is.Empty);
        Assert.That(names.Network(vpc: true, createsVpc: false).Select(entry => entry.Name),
            Is.EqualTo(new[] { "dev-functions-sg-backend" }));
        Assert.That(names.Network(vpc: true, createsVpc: true).Select(entry => entry.Name), Is.EqualTo(new[]
        {
            "dev-functions-sg-backend", "dev-endpoints-sg-backend", "/aws/vpc/flow-logs/dev-orders-vpc-backend",
            "dev-vpc-flow-logs-role-backend", "dev-vpc-flow-logs-policy-backend",
        }));
    }

    [TestCase("dev-functions-sg-backend", true)]
    [TestCase("sg-functions", false)]
    [TestCase("functions|sg", false)]
    public void Security_group_names_follow_ec2_rules(string name, bool valid)
    {
        Assert.That(ServiceNameRules.SecurityGroup.Check(name) is null, Is.EqualTo(valid));
    }

    [Test]
    public void The_network_names_are_checked_against_their_services_rules()
    {
        // Config validation limits environment and team so that the longest names (the processor's) fit; the
        // network's names are shorter, and are checked the same way.
        var names = new ResourceNames(new string('e', 30), new string('t', 30));

        Assert.That(names.Validate(names.Network(vpc: true, createsVpc: true)), Has.Some.Contain("vpc-flow-logs-role")
            .And.Some.Contain("IAM role names must be 1-64 characters"));
        Assert.That(new ResourceNames("dev", "backend").Validate(names: new ResourceNames("dev", "backend").Network(true, true)),
            Is.Empty);
    }

    [Test]
    public void A_vpc_range_with_host_bits_is_refused_when_the_stack_creates_the_vpc()
    {
        var error = new ConfigFixture().With("vpc", "true").With("vpcCidr", "10.40.3.0/16").ParseFails();

        Assert.That(error.Problems.Single(), Does.Contain("'orders-pipeline:vpcCidr'").And.Contain("10.40.0.0/16"));
        Assert.That(() => new ConfigFixture().With("vpc", "true").With("vpcCidr", "10.40.0.0/16").Parse(), Throws.Nothing);
    }
}
