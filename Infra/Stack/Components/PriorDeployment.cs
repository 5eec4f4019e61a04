using System.Collections.Immutable;
using System.Globalization;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Aws.GuardDuty;

namespace OrdersPipeline.Infra.Components;

/// <summary>The stack's own previous deployment, read through a stack reference to itself: the one way the program
/// can tell a new bucket from an existing one before S3 would refuse (or a replacement would lose) it, and the
/// stack's own GuardDuty detector from one an Organization or another stack made.</summary>
internal static class PriorDeployment
{
    /// <summary>A dependency for the bucket: resolves once the previous outputs allow <paramref name="lockDays"/>,
    /// and fails the deployment with the config error otherwise, before the bucket is created or replaced. (As a
    /// dependency rather than an input value, the error reaches Pulumi unwrapped and is printed as a plain
    /// message.)</summary>
    public static Output<ImmutableArray<Resource>> ObjectLockCheck(PipelineComponent owner, string name, int lockDays)
    {
        var prior = Self(owner, $"{name}-prior-deployment");
        return Output.Tuple(
                prior.GetOutput(ProtectionRules.PriorBucketOutput),
                prior.GetOutput(ProtectionRules.PriorObjectLockOutput))
            .Apply(outputs =>
            {
                var problem = ProtectionRules.ObjectLockChange(outputs.Item1 as string, Days(outputs.Item2), lockDays);
                return problem is null ? ImmutableArray.Create<Resource>(prior) : throw new RunException(problem);
            });
    }

    /// <summary>A dependency for the GuardDuty detector the stack creates: resolves when the region has no detector,
    /// or only the one the previous deployment exported (the stack's own); fails the deployment with the error that
    /// names <c>guardDutyDetectorId</c> otherwise (<see cref="AccountSingletons.ExistingDetectorProblem"/>), in the
    /// preview, before CreateDetector would fail.</summary>
    public static Output<ImmutableArray<Resource>> DetectorCheck(PipelineComponent owner, string name)
    {
        var prior = Self(owner, $"{name}-detector-prior-deployment");
        return Output.Tuple(prior.GetOutput(AccountSingletons.PriorDetectorOutput),
                Output.Create(RegionDetectorAsync(owner.Context.Provider)))
            .Apply(values =>
            {
                var problem = AccountSingletons.ExistingDetectorProblem(values.Item2, values.Item1 as string);
                return problem is null ? ImmutableArray.Create<Resource>(prior) : throw new RunException(problem);
            });
    }

    // Without an id, GetDetector reads the region's one detector and fails when there is none. A failed lookup
    // (no detector, or no permission to list them) leaves the answer to CreateDetector, as without the check.
    private static async Task<string?> RegionDetectorAsync(ProviderResource provider)
    {
        try
        {
            var found = await GetDetector.InvokeAsync(new GetDetectorArgs(), new InvokeOptions { Provider = provider })
                .ConfigureAwait(false);
            return found.Id;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    private static StackReference Self(PipelineComponent owner, string name)
    {
        var deployment = Deployment.Instance;
        var organization = string.IsNullOrEmpty(deployment.OrganizationName) ? "organization" : deployment.OrganizationName;
        return new StackReference(name, new StackReferenceArgs
        {
            Name = $"{organization}/{deployment.ProjectName}/{deployment.StackName}",
        }, new CustomResourceOptions { Parent = owner });
    }

    // Numbers come back from the engine as doubles.
    private static int? Days(object? value) =>
        value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
