using NUnit.Framework;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests.Threat;

/// <summary>With <c>guardDuty</c> and <c>configRules</c> off (the default) nothing of either control exists, and
/// the other policies are as they were.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ThreatSwitchesTests
{
    private static readonly string[] ThreatTypes =
    [
        ResourceTypes.Detector, ResourceTypes.DetectorFeature, ResourceTypes.EventRule, ResourceTypes.EventTarget,
        ResourceTypes.TopicPolicy, ResourceTypes.ConfigRule, ResourceTypes.ConfigRecorder, ResourceTypes.DeliveryChannel,
        ResourceTypes.RecorderStatus,
    ];

    [Test]
    public async Task Off_by_default_no_guardduty_eventbridge_config_or_remediation_resource_exists()
    {
        var run = await StackRun.WithIngest().With("encryption", "customer-key").With("auditTrail", "true").RunAsync();

        var outputs = new[]
        {
            await OutputUtilities.GetValueAsync(run.Stack.GuardDutyDetectorId),
            await OutputUtilities.GetValueAsync(run.Stack.GuardDutyFindingsRuleArn),
            await OutputUtilities.GetValueAsync(run.Stack.RemediationFunctionName),
        };
        var ruleNames = await OutputUtilities.GetValueAsync(run.Stack.ConfigRuleNames);

        Assert.Multiple(() =>
        {
            Assert.That(run.Aws.Where(resource => ThreatTypes.Contains(resource.Type)), Is.Empty);
            Assert.That(run.Aws.Select(resource => resource.Name), Has.None.Contain("remediation").And.None.StartWith("compliance"));
            Assert.That(run.OfType(ResourceTypes.LambdaPermission).Select(p => p.String("principal")),
                Has.None.EqualTo("events.amazonaws.com"));
            Assert.That(run.Single(ResourceTypes.Key).String("policy"), Does.Not.Contain("events.amazonaws.com")
                .And.Not.Contain("config.amazonaws.com").And.Not.Contain("remediation"));
            Assert.That(run.OfType(ResourceTypes.MetricAlarm).Select(a => a.String("name")), Has.None.Contain("remediation"));
            Assert.That(outputs, Has.All.Empty);
            Assert.That(ruleNames, Is.Empty);
        });
    }

    [Test]
    public async Task Turning_both_on_adds_resources_and_changes_no_existing_policy_but_the_key_policy()
    {
        var off = await StackRun.WithDefaults().RunAsync();
        var on = await StackRun.WithDefaults().With("guardDuty", "true").With("configRules", "true")
            .With("configRecorder", "false").RunAsync();

        var before = off.OfType(ResourceTypes.RolePolicy).Concat(off.OfType(ResourceTypes.BucketPolicy))
            .Concat(off.OfType(ResourceTypes.QueuePolicy)).Select(p => (p.Name, p.String("policy"))).ToArray();
        var after = on.OfType(ResourceTypes.RolePolicy).Concat(on.OfType(ResourceTypes.BucketPolicy))
            .Concat(on.OfType(ResourceTypes.QueuePolicy)).Select(p => (p.Name, p.String("policy"))).ToArray();

        Assert.That(after, Is.SupersetOf(before));
        Assert.That(after.Except(before).Select(p => p.Name), Is.EqualTo(new[] { "remediation-policy" }));
    }
}
