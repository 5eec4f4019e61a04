using NUnit.Framework;
using OrdersPipeline.Functions;
using Pulumi.Utilities;
using static OrdersPipeline.Infra.Tests.Ingest.IngestRun;

namespace OrdersPipeline.Infra.Tests.Ingest;

[TestFixture]
[NonParallelizable]
public sealed class FileIngestTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithIngest().RunAsync();

    private IEnumerable<RegisteredResource> OnDropBucket(string type) =>
        _run.OfType(type).Where(resource => resource.String("bucket") == DropBucket);

    [Test]
    public void Objects_created_under_incoming_invoke_the_file_ingest_function()
    {
        var notification = OnDropBucket(ResourceTypes.BucketNotification).Single();
        var target = RegisteredResource.AsObject(notification.List("lambdaFunctions").Single());
        Assert.Multiple(() =>
        {
            Assert.That(target["lambdaFunctionArn"], Is.EqualTo(MockAws.FunctionArn(FileFunction)));
            Assert.That(target["filterPrefix"], Is.EqualTo("incoming/"));
            Assert.That(RegisteredResource.AsList(target["events"]), Is.EqualTo(new[] { "s3:ObjectCreated:*" }));
            Assert.That(target.ContainsKey("filterSuffix"), Is.False);
        });
    }

    [Test]
    public void Only_s3_for_this_bucket_in_this_account_may_invoke_the_function()
    {
        var permission = _run.OfType(ResourceTypes.LambdaPermission).Single(p => p.String("principal") == "s3.amazonaws.com");
        Assert.Multiple(() =>
        {
            Assert.That(permission.String("action"), Is.EqualTo("lambda:InvokeFunction"));
            Assert.That(permission.String("function"), Is.EqualTo(FileFunction));
            Assert.That(permission.String("sourceArn"), Is.EqualTo(MockAws.BucketArn(DropBucket)));
            Assert.That(permission.String("sourceAccount"), Is.EqualTo(MockAws.AccountId));
        });
    }

    [Test]
    public void Failed_invocations_go_to_the_dead_letter_queue_after_lambdas_two_retries()
    {
        var config = _run.Single(ResourceTypes.EventInvokeConfig);
        var onFailure = RegisteredResource.AsObject(config.Object("destinationConfig")["onFailure"]);
        Assert.Multiple(() =>
        {
            Assert.That(config.String("functionName"), Is.EqualTo(FileFunction));
            Assert.That(config.Number("maximumRetryAttempts"), Is.EqualTo(2));
            Assert.That(onFailure["destination"], Is.EqualTo(MockAws.QueueArn(DeadLetterQueue)));
        });
    }

    [Test]
    public void The_function_reads_incoming_writes_rejects_batch_writes_orders_logs_and_sends_to_the_dlq_and_nothing_else()
    {
        var policy = _run.Single(ResourceTypes.RolePolicy, "dev-file-ingest-policy-backend");
        Assert.That(policy.String("role"), Is.EqualTo("dev-file-ingest-role-backend"));
        Assert.That(Grants(policy), Is.EqualTo(new[]
        {
            ("ReadDroppedFiles", "s3:GetObject,s3:GetObjectVersion", MockAws.BucketArn(DropBucket) + "/incoming/*"),
            ("WriteRejectsFiles", "s3:PutObject", MockAws.BucketArn(DropBucket) + "/rejects/*"),
            ("WriteOrders", "dynamodb:BatchWriteItem", MockAws.TableArn(OrdersTable)),
            ("WriteIngestLog", "dynamodb:PutItem", MockAws.TableArn(IngestLog)),
            ("SendFailedEventsToDeadLetterQueue", "sqs:SendMessage", MockAws.QueueArn(DeadLetterQueue)),
            ("WriteOwnLogs", "logs:CreateLogStream,logs:PutLogEvents", MockAws.LogGroupArn("/aws/lambda/" + FileFunction) + ":*"),
        }));
    }

    [Test]
    public void The_drop_bucket_is_private_encrypted_versioned_owner_enforced_and_tls_only()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.Single(ResourceTypes.Bucket, DropBucket).Bool("forceDestroy"), Is.True);
            Assert.That(RegisteredResource.AsObject(OnDropBucket(ResourceTypes.BucketVersioning).Single()
                .Object("versioningConfiguration"))["status"], Is.EqualTo("Enabled"));
            var block = OnDropBucket(ResourceTypes.BucketPublicAccessBlock).Single();
            Assert.That(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }
                .Select(block.Bool), Has.All.True);
            var rule = RegisteredResource.AsObject(OnDropBucket(ResourceTypes.BucketEncryption).Single().List("rules").Single());
            Assert.That(RegisteredResource.AsObject(rule["applyServerSideEncryptionByDefault"])["sseAlgorithm"], Is.EqualTo("AES256"));
            Assert.That(RegisteredResource.AsObject(OnDropBucket(ResourceTypes.BucketOwnershipControls).Single().Object("rule"))
                ["objectOwnership"], Is.EqualTo("BucketOwnerEnforced"));
            Assert.That(OnDropBucket(ResourceTypes.BucketPolicy).Single().String("policy"),
                Does.Contain("\"aws:SecureTransport\":\"false\"").And.Contain(MockAws.BucketArn(DropBucket) + "/*"));
        });
    }

    [TestCase(null, 30)]
    [TestCase("7", 7)]
    public async Task Dropped_files_and_rejects_expire_after_the_configured_days(string? days, int expected)
    {
        var run = days is null ? _run : await StackRun.WithIngest().With("dropObjectExpirationDays", days).RunAsync();
        var rules = run.OfType(ResourceTypes.BucketLifecycle).Single(r => r.String("bucket") == DropBucket).List("rules")
            .Select(RegisteredResource.AsObject).ToDictionary(rule => (string)rule["id"]!);
        Assert.Multiple(() =>
        {
            foreach (var (id, prefix) in new[] { ("expire-processed-files", "incoming/"), ("expire-rejects-files", "rejects/") })
            {
                Assert.That(RegisteredResource.AsObject(rules[id]["filter"])["prefix"], Is.EqualTo(prefix));
                Assert.That(RegisteredResource.AsObject(rules[id]["expiration"])["days"], Is.EqualTo((double)expected));
                Assert.That(RegisteredResource.AsObject(rules[id]["noncurrentVersionExpiration"])["noncurrentDays"],
                    Is.EqualTo((double)expected));
            }

            Assert.That(RegisteredResource.AsObject(rules["abort-incomplete-uploads"]["abortIncompleteMultipartUpload"])
                ["daysAfterInitiation"], Is.EqualTo(7d));
        });
    }

    [Test]
    public void The_ingest_log_is_keyed_by_object_key_and_version_with_the_table_defaults()
    {
        var table = _run.Single(ResourceTypes.Table, IngestLog);
        Assert.Multiple(() =>
        {
            Assert.That(table.String("hashKey"), Is.EqualTo("objectKey"));
            Assert.That(table.String("rangeKey"), Is.EqualTo("versionId"));
            Assert.That(table.String("billingMode"), Is.EqualTo("PAY_PER_REQUEST"));
            Assert.That(table.Object("pointInTimeRecovery")["enabled"], Is.True);
            Assert.That(table.Object("serverSideEncryption")["enabled"], Is.True);
        });
    }

    [Test]
    public void The_function_runs_the_file_handler_with_its_tables_and_object_limit()
    {
        var function = _run.Single(ResourceTypes.Function, FileFunction);
        var env = Env(function);
        Assert.Multiple(() =>
        {
            Assert.That(function.String("handler"), Is.EqualTo(Handlers.FileIngest));
            Assert.That(function.Number("memorySize"), Is.EqualTo(1024));
            Assert.That(function.Number("timeout"), Is.EqualTo(900));
            Assert.That(env["ORDERS_TABLE_NAME"], Is.EqualTo(OrdersTable));
            Assert.That(env["INGEST_LOG_TABLE_NAME"], Is.EqualTo(IngestLog));
            Assert.That(env["MAX_OBJECT_MB"], Is.EqualTo("100"));
        });
    }

    [Test]
    public async Task The_stack_exports_the_drop_bucket_and_the_log_table()
    {
        Assert.That(await OutputUtilities.GetValueAsync(_run.Stack.DropBucketName), Is.EqualTo(DropBucket));
        Assert.That(await OutputUtilities.GetValueAsync(_run.Stack.IngestLogTableName), Is.EqualTo(IngestLog));
    }
}
