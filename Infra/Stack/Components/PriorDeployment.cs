using System.Collections.Immutable;
using System.Globalization;
using OrdersPipeline.Infra.Definitions;
using Pulumi;

namespace OrdersPipeline.Infra.Components;

/// <summary>The stack's own previous deployment, read through a stack reference to itself: the one way the program
/// can tell a new bucket from an existing one before S3 would refuse (or a replacement would lose) it.</summary>
internal static class PriorDeployment
{
    /// <summary>A dependency for the bucket: resolves once the previous outputs allow <paramref name="lockDays"/>,
    /// and fails the deployment with the config error otherwise, before the bucket is created or replaced. (As a
    /// dependency rather than an input value, the error reaches Pulumi unwrapped and is printed as a plain
    /// message.)</summary>
    public static Output<ImmutableArray<Resource>> ObjectLockCheck(PipelineComponent owner, string name, int lockDays)
    {
        var deployment = Deployment.Instance;
        var organization = string.IsNullOrEmpty(deployment.OrganizationName) ? "organization" : deployment.OrganizationName;
        var prior = new StackReference($"{name}-prior-deployment", new StackReferenceArgs
        {
            Name = $"{organization}/{deployment.ProjectName}/{deployment.StackName}",
        }, new CustomResourceOptions { Parent = owner });

        return Output.Tuple(
                prior.GetOutput(ProtectionRules.PriorBucketOutput),
                prior.GetOutput(ProtectionRules.PriorObjectLockOutput))
            .Apply(outputs =>
            {
                var problem = ProtectionRules.ObjectLockChange(outputs.Item1 as string, Days(outputs.Item2), lockDays);
                return problem is null ? ImmutableArray.Create<Resource>(prior) : throw new RunException(problem);
            });
    }

    // Numbers come back from the engine as doubles.
    private static int? Days(object? value) =>
        value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
