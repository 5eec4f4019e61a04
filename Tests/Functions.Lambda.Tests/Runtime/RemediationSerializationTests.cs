using Amazon.Lambda.CloudWatchEvents;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Remediation;

/// <summary>The GuardDuty events and the report through the Lambda serializer the runtime uses.</summary>
public sealed class RemediationSerializationTests
{
    private static CloudWatchEvent<GuardDutyFinding> Sample(string name) =>
        Lambda.Event<CloudWatchEvent<GuardDutyFinding>>(Fixtures.Text(name));

    private static readonly string[] AllSamples =
    [
        Samples.StackRoleAccessKey, Samples.OtherRoleAccessKey, Samples.BlockPublicAccessDisabled,
        Samples.AnonymousAccessGranted, Samples.LoggingDisabledOtherBucket,
    ];

    [TestCaseSource(nameof(AllSamples))]
    public void Every_sample_reads_as_an_eventbridge_guardduty_finding_event(string sample)
    {
        var input = Sample(sample);
        Assert.Multiple(() =>
        {
            Assert.That(input.Version, Is.EqualTo("0"));
            Assert.That(input.DetailType, Is.EqualTo("GuardDuty Finding"));
            Assert.That(input.Source, Is.EqualTo("aws.guardduty"));
            Assert.That(input.Account, Is.EqualTo("123456789012"));
            Assert.That(input.Region, Is.EqualTo("us-east-1"));
            Assert.That(input.Resources, Is.Empty);
            Assert.That(input.Time, Is.GreaterThan(new DateTime(2026, 11, 24)));
            Assert.That(input.Detail.SchemaVersion, Is.EqualTo("2.0"));
            Assert.That(input.Detail.Id, Has.Length.EqualTo(32));
            Assert.That(input.Detail.Arn, Does.EndWith("/finding/" + input.Detail.Id));
            Assert.That(input.Detail.Severity, Is.InRange(1.0, 10.0));
            Assert.That(input.Detail.Resource!.ResourceType, Is.AnyOf("AccessKey", "S3Bucket"));
            Assert.That(input.Detail.Resource.AccessKeyDetails!.AccessKeyId, Does.StartWith("A"));
            Assert.That(input.Detail.Service!.Action!.AwsApiCallAction!.Api, Is.Not.Empty);
            Assert.That(input.Detail.Service.Count, Is.GreaterThan(0));
            Assert.That(input.Detail.UpdatedAt, Does.EndWith("Z"));
        });
    }

    [Test]
    public void Severity_is_read_as_the_number_sent_whole_or_fractional() => Assert.Multiple(() =>
    {
        Assert.That(Sample(Samples.StackRoleAccessKey).Detail.Severity, Is.EqualTo(5.5));
        Assert.That(Sample(Samples.AnonymousAccessGranted).Detail.Severity, Is.EqualTo(8));
    });

    [Test]
    public void Fields_the_function_does_not_type_are_kept_at_every_level()
    {
        var finding = Sample(Samples.AnonymousAccessGranted).Detail;
        var bucket = finding.Resource!.S3BucketDetails!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(bucket.Name, Is.EqualTo(Samples.ProcessedBucket));
            Assert.That(bucket.Type, Is.EqualTo("Destination"));
            Assert.That(bucket.AdditionalFields!["publicAccess"].GetProperty("effectivePermission").GetString(), Is.EqualTo("PUBLIC"));
            Assert.That(finding.Service!.AdditionalFields!["resourceRole"].GetString(), Is.EqualTo("TARGET"));
            Assert.That(finding.Service.Action!.AwsApiCallAction!.AdditionalFields!["remoteIpDetails"]
                .GetProperty("ipAddressV4").GetString(), Is.EqualTo("198.51.100.140"));
        });
    }

    [Test]
    public void A_finding_with_a_severity_that_is_not_a_number_fails_in_the_serializer() =>
        Assert.That(() => Lambda.Event<CloudWatchEvent<GuardDutyFinding>>("""{"detail":{"id":"x","severity":"HIGH"}}"""),
            Throws.InstanceOf<Exception>().With.Message.Contains("GuardDutyFinding"));

    [Test]
    public void The_report_is_written_with_camel_case_names_the_action_by_name_and_no_nulls()
    {
        var report = new RemediationReport
        {
            FindingId = "f0b2",
            FindingType = "Policy:S3/BucketAnonymousAccessGranted",
            Severity = 8,
            AccountId = "123456789012",
            Region = "us-east-1",
            ResourceType = "S3Bucket",
            Resource = Samples.ProcessedBucket,
            Action = RemediationAction.PublicAccessBlockRestored,
            Reason = "r",
            SettingsTurnedOn = ["RestrictPublicBuckets"],
            Environment = "dev",
            EventId = "e-1",
        };
        Assert.That(Lambda.Response(report), Is.EqualTo("""
            {"findingId":"f0b2","findingType":"Policy:S3/BucketAnonymousAccessGranted","severity":8,"accountId":"123456789012",
            "region":"us-east-1","resourceType":"S3Bucket","resource":"dev-processed-data-123456789012-backend",
            "action":"PublicAccessBlockRestored","reason":"r","settingsTurnedOn":["RestrictPublicBuckets"],"environment":"dev",
            "eventId":"e-1"}
            """.ReplaceLineEndings("")));
    }

    [Test]
    public void The_report_reads_back_the_same()
    {
        var report = new RemediationReport
        {
            FindingId = "a4c9",
            Severity = 5.5,
            Action = RemediationAction.AlreadyRecorded,
            Reason = "r",
            AuditId = "guardduty:a4c9",
            AuditTimestamp = "2026-11-24T09:12:31.771Z",
            Environment = "dev",
        };
        Assert.That(Lambda.Event<RemediationReport>(Lambda.Response(report)), Is.EqualTo(report));
    }
}
