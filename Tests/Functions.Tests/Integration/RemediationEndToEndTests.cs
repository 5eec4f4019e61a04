using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Tests.Remediation;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>Remediation against a real processed bucket and audit table on the emulator, invoked with the
/// AWS-shaped GuardDuty samples renamed to this run's resources.</summary>
[Category("Integration")]
public sealed class RemediationEndToEndTests
{
    private PipelineResources _pipeline = null!;
    private IAmazonS3 _s3 = null!;
    private IAmazonDynamoDB _dynamoDb = null!;
    private readonly CapturedLog _log = new();

    [SetUp]
    public async Task CreateResourcesAsync()
    {
        var emulator = EmulatorFixture.Emulator;
        _pipeline = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("guard"));
        _s3 = emulator.S3();
        _dynamoDb = emulator.DynamoDb();
    }

    [TearDown]
    public void DisposeClients()
    {
        _s3?.Dispose();
        _dynamoDb?.Dispose();
    }

    private Task<RemediationReport> InvokeAsync(string sample)
    {
        var settings = new RemediationSettings
        {
            ProcessedBucketName = _pipeline.Names.Bucket,
            StackRoleNames = Samples.StackRoles,
            AuditTableName = _pipeline.Names.AuditTable,
        };
        var input = SampleEvents.Finding(
            Fixtures.Text(sample).Replace(Samples.ProcessedBucket, _pipeline.Names.Bucket, StringComparison.Ordinal));
        return new RemediationService(_s3, _dynamoDb, settings, TimeProvider.System, _log.Log)
            .HandleAsync(input, Invocations.Create());
    }

    [Test]
    public async Task A_bucket_finding_turns_the_processed_buckets_public_access_block_back_on_once()
    {
        await _s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = _pipeline.Names.Bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = true,
                IgnorePublicAcls = true,
                BlockPublicPolicy = false,
                RestrictPublicBuckets = false,
            },
        });

        var first = await InvokeAsync(Samples.BlockPublicAccessDisabled);
        var block = (await _s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = _pipeline.Names.Bucket }))
            .PublicAccessBlockConfiguration;
        var again = await InvokeAsync(Samples.AnonymousAccessGranted);

        Assert.Multiple(() =>
        {
            Assert.That(first.Action, Is.EqualTo(RemediationAction.PublicAccessBlockRestored));
            Assert.That(first.SettingsTurnedOn, Is.EqualTo(new[] { "BlockPublicPolicy", "RestrictPublicBuckets" }));
            Assert.That(new[] { block.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets },
                Is.All.True);
            Assert.That(again.Action, Is.EqualTo(RemediationAction.AlreadyRestricted));
        });
    }

    [Test]
    public async Task A_bucket_without_any_block_gets_one()
    {
        var report = await InvokeAsync(Samples.AnonymousAccessGranted);
        var block = (await _s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = _pipeline.Names.Bucket }))
            .PublicAccessBlockConfiguration;
        Assert.Multiple(() =>
        {
            Assert.That(report.Action, Is.EqualTo(RemediationAction.PublicAccessBlockRestored));
            Assert.That(report.SettingsTurnedOn, Has.Count.EqualTo(4));
            Assert.That(block.RestrictPublicBuckets, Is.True);
        });
    }

    [Test]
    public async Task An_access_key_finding_on_a_stack_role_is_one_audit_item_findable_by_failure_type_even_when_delivered_twice()
    {
        var first = await InvokeAsync(Samples.StackRoleAccessKey);
        var again = await InvokeAsync(Samples.StackRoleAccessKey);

        var rows = (await _dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = _pipeline.Names.AuditTable,
            IndexName = "failure-type-index",
            KeyConditionExpression = "failureType = :type",
            ExpressionAttributeValues = new() { [":type"] = new AttributeValue { S = FailureTypes.SecurityFinding } },
        })).Items;
        Assert.Multiple(() =>
        {
            Assert.That(first.Action, Is.EqualTo(RemediationAction.Recorded));
            Assert.That(again.Action, Is.EqualTo(RemediationAction.AlreadyRecorded));
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0]["auditId"].S, Is.EqualTo("guardduty:a4c9e1f07d2b4e6f8a0c3d5e7f9b1a2c"));
            Assert.That(rows[0]["roleName"].S, Is.EqualTo(Samples.ProcessorRole));
            Assert.That(rows[0]["severity"].N, Is.EqualTo("5.5"));
        });
    }

    [Test]
    public async Task A_finding_on_another_bucket_changes_nothing()
    {
        var report = await InvokeAsync(Samples.LoggingDisabledOtherBucket);
        Assert.Multiple(() =>
        {
            Assert.That(report.Action, Is.EqualTo(RemediationAction.Ignored));
            Assert.That(async () => await _s3.GetPublicAccessBlockAsync(
                    new GetPublicAccessBlockRequest { BucketName = _pipeline.Names.Bucket }),
                Throws.TypeOf<AmazonS3Exception>().With.Property(nameof(AmazonS3Exception.ErrorCode))
                    .EqualTo(PublicAccessBlockGuard.NoConfigurationErrorCode), "the processed bucket still has no block");
        });
    }
}
