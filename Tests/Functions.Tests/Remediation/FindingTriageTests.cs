using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Remediation;

/// <summary>The pure decision, on each AWS-shaped sample and on the edges the samples do not reach.</summary>
public sealed class FindingTriageTests
{
    private static TriageDecision Decide(GuardDutyFinding finding) =>
        FindingTriage.Decide(finding, Samples.ProcessedBucket, Samples.StackRoles);

    private static TriageDecision DecideSample(string name) => Decide(FindingFixtures.Sample(name).Detail!);

    private static GuardDutyFinding Finding(string detailJson) => FindingFixtures.Finding(detailJson);

    [Test]
    public void An_access_key_finding_on_a_stack_role_is_recorded()
    {
        var decision = DecideSample(Samples.StackRoleAccessKey);
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(TriageKind.Record));
            Assert.That(decision.Resource, Is.EqualTo(Samples.ProcessorRole));
            Assert.That(decision.Reason, Does.Contain(Samples.ProcessorRole));
        });
    }

    [Test]
    public void An_access_key_finding_on_another_role_is_ignored_naming_the_role()
    {
        var decision = DecideSample(Samples.OtherRoleAccessKey);
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(TriageKind.Ignore));
            Assert.That(decision.Resource, Is.EqualTo("web-fleet-instance-role"));
            Assert.That(decision.Reason, Is.EqualTo("role 'web-fleet-instance-role' is not one of this stack's roles"));
        });
    }

    [TestCase(Samples.BlockPublicAccessDisabled)]
    [TestCase(Samples.AnonymousAccessGranted)]
    public void A_finding_on_the_processed_bucket_restricts_the_bucket(string sample)
    {
        var decision = DecideSample(sample);
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(TriageKind.RestrictBucket));
            Assert.That(decision.Resource, Is.EqualTo(Samples.ProcessedBucket));
        });
    }

    [Test]
    public void A_finding_on_another_bucket_is_ignored_even_though_it_is_an_s3_finding()
    {
        var decision = DecideSample(Samples.LoggingDisabledOtherBucket);
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(TriageKind.Ignore));
            Assert.That(decision.Reason, Is.EqualTo("bucket marketing-site-assets-123456789012 is not this stack's processed bucket"));
        });
    }

    [Test]
    public void The_caller_of_an_s3_finding_is_not_what_decides_it()
    {
        // A stack role as the caller on another bucket: the finding is about that bucket, which is not the stack's.
        var decision = Decide(Finding($$$"""
            {"id":"x","type":"Policy:S3/BucketBlockPublicAccessDisabled","severity":2,
             "resource":{"resourceType":"S3Bucket",
               "accessKeyDetails":{"userType":"AssumedRole","userName":"{{{Samples.ProcessorRole}}}"},
               "s3BucketDetails":[{"arn":"arn:aws:s3:::someone-elses-bucket","name":"someone-elses-bucket","type":"Destination"}]}}
            """));
        Assert.That(decision.Kind, Is.EqualTo(TriageKind.Ignore));
    }

    [Test]
    public void An_iam_user_named_like_a_stack_role_is_not_the_role()
    {
        var decision = Decide(Finding($$$"""
            {"id":"x","resource":{"resourceType":"AccessKey",
              "accessKeyDetails":{"accessKeyId":"AKIAEXAMPLE","principalId":"AIDAEXAMPLE","userType":"IAMUser","userName":"{{{Samples.ProcessorRole}}}"} } }
            """));
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(TriageKind.Ignore));
            Assert.That(decision.Reason, Is.EqualTo("the credentials are of IAMUser 'dev-order-processor-role-backend', not of a role of this stack"));
        });
    }

    [Test]
    public void Role_names_match_without_regard_to_case_as_iam_treats_them_and_the_configured_name_is_kept()
    {
        var decision = Decide(Finding("""
            {"id":"x","resource":{"resourceType":"AccessKey",
              "accessKeyDetails":{"userType":"AssumedRole","userName":"DEV-Order-Processor-Role-Backend"}}}
            """));
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(TriageKind.Record));
            Assert.That(decision.Resource, Is.EqualTo(Samples.ProcessorRole));
        });
    }

    [Test]
    public void A_role_is_matched_by_its_name_only_never_by_the_session_in_the_principal_id()
    {
        // The session name (here the processor function's name) is chosen by whoever assumes the role.
        var decision = Decide(Finding($$$"""
            {"id":"x","resource":{"resourceType":"AccessKey",
              "accessKeyDetails":{"userType":"AssumedRole","userName":"attacker-role","principalId":"AROAEXAMPLE:{{{Samples.ProcessorRole}}}"} } }
            """));
        Assert.That(decision.Kind, Is.EqualTo(TriageKind.Ignore));
    }

    [Test]
    public void The_processed_bucket_is_found_among_several_and_by_arn_when_the_name_is_missing() => Assert.Multiple(() =>
    {
        Assert.That(Decide(Finding($$$"""
            {"id":"x","resource":{"resourceType":"S3Bucket","s3BucketDetails":[
              {"name":"source-bucket","type":"Source"},{"name":"{{{Samples.ProcessedBucket}}}","type":"Destination"}]}}
            """)).Kind, Is.EqualTo(TriageKind.RestrictBucket));
        Assert.That(Decide(Finding($$$"""
            {"id":"x","resource":{"resourceType":"S3Bucket","s3BucketDetails":[{"arn":"arn:aws:s3:::{{{Samples.ProcessedBucket}}}"}]}}
            """)).Kind, Is.EqualTo(TriageKind.RestrictBucket));
        Assert.That(Decide(Finding($$$"""
            {"id":"x","resource":{"resourceType":"S3Bucket","s3BucketDetails":[{"arn":"arn:aws:s3:::{{{Samples.ProcessedBucket}}}-copy"}]}}
            """)).Kind, Is.EqualTo(TriageKind.Ignore), "a bucket whose name only starts with the processed bucket's");
    });

    [TestCase("""{"id":"x","type":"Recon:EC2/PortProbeUnprotectedPort","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0a1b2c3d4e5f60718"}}}""",
        "resource type 'Instance' is not one the function acts on (AccessKey, S3Bucket)")]
    [TestCase("""{"id":"x","resource":{"resourceType":"Lambda","lambdaDetails":{"functionName":"dev-order-processor-lambda-backend"}}}""",
        "resource type 'Lambda' is not one the function acts on (AccessKey, S3Bucket)")]
    [TestCase("""{"id":"x"}""", "the finding names no resource type")]
    [TestCase("""{"id":"x","resource":{"resourceType":"AccessKey"}}""", "an AccessKey finding without accessKeyDetails")]
    [TestCase("""{"id":"x","resource":{"resourceType":"S3Bucket","s3BucketDetails":[]}}""", "an S3Bucket finding without s3BucketDetails")]
    public void Anything_else_is_ignored_with_the_reason(string detail, string reason)
    {
        var decision = Decide(Finding(detail));
        Assert.Multiple(() =>
        {
            Assert.That(decision.Kind, Is.EqualTo(TriageKind.Ignore));
            Assert.That(decision.Reason, Is.EqualTo(reason));
        });
    }
}
