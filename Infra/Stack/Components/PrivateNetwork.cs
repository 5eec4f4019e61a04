using System.Collections.Immutable;
using OrdersPipeline.Infra.Defaults;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Vpc;

namespace OrdersPipeline.Infra.Components;

/// <summary>The private network every function runs in (<c>vpc: true</c>, docs/edge-and-network.md).
/// <para>By default the stack creates it: a VPC (<c>vpcCidr</c>, DNS support and hostnames on, which private DNS of
/// interface endpoints needs), two private subnets in the first two available Availability Zones of the region (never
/// a Local Zone: <see cref="NetworkLayout.ZoneOptInStatuses"/>), one route table with no route out (no internet
/// gateway, no NAT), gateway endpoints for S3 and DynamoDB on it, the interface endpoints
/// <c>vpcInterfaceEndpoints</c> names, with private DNS in both subnets (<see cref="NetworkLayout.InterfaceServices"/>;
/// none by default), and flow logs of all traffic to a log group with the stack's retention and key.</para>
/// <para>With <c>vpcId</c> and <c>subnetIds</c> it uses that VPC and creates only the functions' security group: the
/// VPC's owner provides the endpoints (a second private-DNS endpoint for a service in one VPC would fail) and its
/// flow logs.</para>
/// <para>The functions' security group has no ingress and allows HTTPS out only: to the endpoints' security group
/// (an existing VPC: to the VPC's range) and to the S3 and DynamoDB prefix lists, which is how traffic through a
/// gateway endpoint is matched. Rules are separate resources; a group made without inline rules loses the default
/// allow-all egress rule (the provider removes it).</para></summary>
public sealed class PrivateNetwork : PipelineComponent
{
    public const string TypeToken = "orders-pipeline:network:PrivateNetwork";
    public const string FlowLogTrafficType = "ALL";
    public const string FlowLogDestinationType = "cloud-watch-logs";

    private readonly List<Resource> _readyWhen = [];

    /// <param name="scope">Partition, region and account: the endpoint service names and the flow-log role's trust
    /// policy are built from it.</param>
    public PrivateNetwork(string name, StackContext context, Output<AwsScope> scope,
        ComponentResourceOptions? options = null)
        : base(TypeToken, name, context, options)
    {
        var (config, names) = (context.Config, context.Names);
        var region = scope.Apply(found => found.Region);

        if (config.Get(ConfigSchema.VpcId) is { } existingVpcId)
        {
            VpcId = Output.Create(existingVpcId);
            SubnetIds = Output.Create(ValueRules.SplitList(config.Get(ConfigSchema.SubnetIds)!).ToImmutableArray());
            FunctionsSecurityGroup = SecurityGroupIn(name, "functions", names.FunctionsSecurityGroup,
                "orders-pipeline functions: no ingress; HTTPS out to the VPC and the S3 and DynamoDB prefix lists");
            var vpcRange = GetVpc.Invoke(new GetVpcInvokeArgs { Id = existingVpcId }, Invoke())
                .Apply(found => found.CidrBlock);
            _readyWhen.Add(HttpsOut(name, "to-vpc", new SecurityGroupEgressRuleArgs { CidrIpv4 = vpcRange }));
            foreach (var service in NetworkLayout.GatewayServices)
            {
                var prefixList = GetPrefixList.Invoke(new GetPrefixListInvokeArgs
                {
                    Name = region.Apply(at => NetworkLayout.ServiceName(at, service)),
                }, Invoke()).Apply(found => found.Id);
                _readyWhen.Add(HttpsOut(name, $"to-{service}",
                    new SecurityGroupEgressRuleArgs { PrefixListId = prefixList }));
            }
        }
        else
        {
            var created = CreateVpc(name, context, region);
            VpcId = created.Id;
            FlowLogGroup = CreateFlowLogs(name, context, scope, created);
        }

        RegisterOutputs();
    }

    /// <summary>The VPC the functions run in, created or given.</summary>
    public Output<string> VpcId { get; }

    /// <summary>The private subnets the functions run in, created or given.</summary>
    public Output<ImmutableArray<string>> SubnetIds { get; private set; } = null!;

    public SecurityGroup FunctionsSecurityGroup { get; private set; } = null!;

    /// <summary>Null with an existing VPC (its endpoints are the VPC owner's).</summary>
    public SecurityGroup? EndpointsSecurityGroup { get; private set; }

    /// <summary>Null with an existing VPC (its flow logs are the VPC owner's).</summary>
    public LogGroup? FlowLogGroup { get; }

    /// <summary>What every function gets (<see cref="StackContext.Network"/>).</summary>
    public FunctionNetwork ForFunctions => new(SubnetIds, FunctionsSecurityGroup.Id, _readyWhen);

    private Pulumi.Aws.Ec2.Vpc CreateVpc(string name, StackContext context, Output<string> region)
    {
        var (config, names) = (context.Config, context.Names);
        // Availability Zones only: a Local Zone sorts first and takes no interface endpoint or Lambda ENI.
        var available = GetAvailabilityZones.Invoke(new GetAvailabilityZonesInvokeArgs
        {
            State = NetworkLayout.AvailableZoneState,
            Filters =
            {
                new Pulumi.Aws.Inputs.GetAvailabilityZonesFilterInputArgs
                {
                    Name = NetworkLayout.ZoneOptInStatusFilter,
                    Values = NetworkLayout.ZoneOptInStatuses.ToArray(),
                },
            },
        }, Invoke());
        var zones = Output.Tuple(available, region)
            .Apply(pair => NetworkLayout.PickZones(pair.Item1.Names, pair.Item2));

        var vpc = new Pulumi.Aws.Ec2.Vpc($"{name}-vpc", new VpcArgs
        {
            CidrBlock = config.Get(ConfigSchema.VpcCidr),
            EnableDnsSupport = true,
            EnableDnsHostnames = true,
            Tags = NameTag(names.Vpc),
        }, ChildOptions());

        var routes = new RouteTable($"{name}-routes", new RouteTableArgs
        {
            VpcId = vpc.Id,
            Tags = NameTag(names.PrivateRouteTable),
        }, ChildOptions());

        var cidrs = NetworkLayout.SubnetCidrs(config.Get(ConfigSchema.VpcCidr));
        var subnets = new List<Subnet>();
        for (var index = 0; index < NetworkLayout.ZoneCount; index++)
        {
            var zone = index;
            var subnet = new Subnet($"{name}-subnet-{zone + 1}", new SubnetArgs
            {
                VpcId = vpc.Id,
                CidrBlock = cidrs[zone],
                AvailabilityZone = zones.Apply(picked => picked[zone]),
                MapPublicIpOnLaunch = false,
                Tags = NameTag(names.PrivateSubnet(zone)),
            }, ChildOptions());
            _readyWhen.Add(new RouteTableAssociation($"{name}-subnet-{zone + 1}-routes", new RouteTableAssociationArgs
            {
                SubnetId = subnet.Id,
                RouteTableId = routes.Id,
            }, ChildOptions()));
            subnets.Add(subnet);
        }

        SubnetIds = Output.All(subnets.Select(subnet => subnet.Id));

        FunctionsSecurityGroup = SecurityGroupIn(name, "functions", names.FunctionsSecurityGroup,
            "orders-pipeline functions: no ingress; HTTPS out to the VPC endpoints only", vpc.Id);
        EndpointsSecurityGroup = SecurityGroupIn(name, "endpoints", names.EndpointsSecurityGroup,
            "orders-pipeline VPC endpoints: HTTPS in from the functions only; no egress", vpc.Id);
        _readyWhen.Add(new SecurityGroupIngressRule($"{name}-endpoints-https-from-functions",
            new SecurityGroupIngressRuleArgs
            {
                SecurityGroupId = EndpointsSecurityGroup.Id,
                IpProtocol = NetworkLayout.TcpProtocol,
                FromPort = NetworkLayout.HttpsPort,
                ToPort = NetworkLayout.HttpsPort,
                ReferencedSecurityGroupId = FunctionsSecurityGroup.Id,
                Description = "HTTPS from the functions",
            }, ChildOptions()));
        _readyWhen.Add(HttpsOut(name, "to-endpoints",
            new SecurityGroupEgressRuleArgs { ReferencedSecurityGroupId = EndpointsSecurityGroup.Id }));

        foreach (var service in NetworkLayout.GatewayServices)
        {
            var endpoint = new VpcEndpoint($"{name}-{service}-endpoint", new VpcEndpointArgs
            {
                VpcId = vpc.Id,
                ServiceName = region.Apply(at => NetworkLayout.ServiceName(at, service)),
                VpcEndpointType = NetworkLayout.GatewayEndpointType,
                RouteTableIds = { routes.Id },
                Tags = NameTag(names.VpcEndpoint(service)),
            }, ChildOptions());
            _readyWhen.Add(endpoint);
            _readyWhen.Add(HttpsOut(name, $"to-{service}",
                new SecurityGroupEgressRuleArgs { PrefixListId = endpoint.PrefixListId }));
        }

        // Only those asked for: today's functions call no service an interface endpoint serves (docs/edge-and-network.md).
        foreach (var service in NetworkLayout.InterfaceServices(config.Get(ConfigSchema.VpcInterfaceEndpoints)))
        {
            _readyWhen.Add(new VpcEndpoint($"{name}-{service}-endpoint", new VpcEndpointArgs
            {
                VpcId = vpc.Id,
                ServiceName = region.Apply(at => NetworkLayout.ServiceName(at, service)),
                VpcEndpointType = NetworkLayout.InterfaceEndpointType,
                PrivateDnsEnabled = true,
                SubnetIds = SubnetIds,
                SecurityGroupIds = { EndpointsSecurityGroup.Id },
                Tags = NameTag(names.VpcEndpoint(service)),
            }, ChildOptions()));
        }

        return vpc;
    }

    private LogGroup CreateFlowLogs(string name, StackContext context, Output<AwsScope> scope, Pulumi.Aws.Ec2.Vpc vpc)
    {
        var (config, names) = (context.Config, context.Names);
        var logGroup = new LogGroup($"{name}-flow-logs",
            LogGroupDefaults.For(names.VpcFlowLogGroup, config, context.KeyArn), ChildOptions());
        var delivery = new ServiceRole(this, $"{name}-flow-logs", new ServiceRoleSpec
        {
            RoleName = names.VpcFlowLogRole,
            PolicyName = names.VpcFlowLogPolicy,
            TrustPolicy = scope.Apply(PolicyDocuments.VpcFlowLogsTrustPolicy),
            Statements = logGroup.Arn.Apply(PolicyDocuments.VpcFlowLogsDeliveryStatements),
        });
        _ = new FlowLog($"{name}-flow-log", new FlowLogArgs
        {
            VpcId = vpc.Id,
            TrafficType = FlowLogTrafficType,
            LogDestinationType = FlowLogDestinationType,
            LogDestination = logGroup.Arn,
            IamRoleArn = delivery.Role.Arn,
            Tags = NameTag(names.VpcFlowLog),
        }, ChildOptions(delivery.Policy));
        return logGroup;
    }

    private SecurityGroup SecurityGroupIn(string name, string purpose, string groupName, string description,
        Input<string>? vpcId = null) =>
        new($"{name}-{purpose}-sg", new SecurityGroupArgs
        {
            Name = groupName,
            Description = description,
            VpcId = vpcId ?? VpcId,
            Tags = NameTag(groupName),
        }, ChildOptions());

    /// <summary>One egress rule of the functions' group: TCP 443 to <paramref name="destination"/>'s target.</summary>
    private SecurityGroupEgressRule HttpsOut(string name, string target, SecurityGroupEgressRuleArgs destination)
    {
        destination.SecurityGroupId = FunctionsSecurityGroup.Id;
        destination.IpProtocol = NetworkLayout.TcpProtocol;
        destination.FromPort = NetworkLayout.HttpsPort;
        destination.ToPort = NetworkLayout.HttpsPort;
        destination.Description = $"HTTPS {target.Replace('-', ' ')}";
        return new SecurityGroupEgressRule($"{name}-functions-https-{target}", destination, ChildOptions());
    }

    private InvokeOptions Invoke() => new() { Parent = this, Provider = Context.Provider };

    private static InputMap<string> NameTag(string value) => new() { { "Name", value } };
}
