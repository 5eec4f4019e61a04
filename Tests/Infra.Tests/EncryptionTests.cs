using System.Text.Json;
using NUnit.Framework;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Infra.Tests;

/// <summary>With <c>encryption: customer-key</c> every resource that stores data is encrypted with the stack key and
/// every role that reads or writes it may use exactly that key; with the default, nothing names a key.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CustomerKeyTests
{
    private static readonly string KeyArn = MockAws.KeyArn("encryption-key");
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults()
        .With("encryption", "customer-key")
        .With("auditTrail", "true")
        .With("keyDeletionWindowDays", "7")
        .RunAsync();

    [Test]
    public void One_symmetric_rotating_key_with_the_configured_deletion_window_and_the_stack_alias()
    {
        var key = _run.Single(ResourceTypes.Key);
        var alias = _run.Single(ResourceTypes.Alias);

        Assert.Multiple(() =>
        {
            Assert.That(key.String("customerMasterKeySpec"), Is.EqualTo("SYMMETRIC_DEFAULT"));
            Assert.That(key.String("keyUsage"), Is.EqualTo("ENCRYPT_DECRYPT"));
            Assert.That(key.Bool("enableKeyRotation"), Is.True);
            Assert.That(key.Number("deletionWindowInDays"), Is.EqualTo(7));
            Assert.That(alias.String("name"), Is.EqualTo("alias/dev-orders-pipeline-backend"));
            Assert.That(alias.String("targetKeyId"), Is.EqualTo(MockAws.KeyId("encryption-key")));
        });
    }

    [Test]
    public async Task The_deletion_window_defaults_to_30_days()
    {
        var run = await StackRun.WithDefaults().With("encryption", "customer-key").RunAsync();

        Assert.That(run.Single(ResourceTypes.Key).Number("deletionWindowInDays"), Is.EqualTo(30));
    }

    [Test]
    public void The_key_policy_is_exactly_the_stack_key_policy_for_this_account_region_and_names()
    {
        var expected = KeyPolicy.For(KeyPolicyInputs.For(
            StackConfig.Load(name => name switch
            {
                "team" => "backend",
                "encryption" => "customer-key",
                "auditTrail" => "true",
                "httpIngest" or "fileIngest" => "false",
                _ => null,
            }, StackRun.StackName),
            new AwsScope("aws", MockAws.Region, MockAws.AccountId)));

        Assert.That(_run.Single(ResourceTypes.Key).String("policy"), Is.EqualTo(expected));
    }

    [Test]
    public void The_key_policy_names_this_stacks_log_groups_topic_queues_alarms_and_trail()
    {
        var policy = _run.Single(ResourceTypes.Key).String("policy");

        Assert.Multiple(() =>
        {
            Assert.That(policy, Does.Contain(MockAws.LogGroupArn("/aws/lambda/dev-order-processor-lambda-backend")));
            Assert.That(policy, Does.Contain(MockAws.LogGroupArn("/aws/lambda/dev-audit-lambda-backend")));
            Assert.That(policy, Does.Contain(MockAws.LogGroupArn("/aws/cloudtrail/dev-audit-trail-backend")));
            Assert.That(policy, Does.Contain(MockAws.TopicArn("dev-pipeline-alerts-topic-backend")));
            Assert.That(policy, Does.Contain(MockAws.QueueArn("dev-orders-dlq-backend")));
            Assert.That(policy, Does.Contain(MockAws.QueueArn("dev-audit-redrive-queue-backend")));
            Assert.That(policy, Does.Contain(MockAws.AlarmArn("dev-bucket-policy-changes-alarm-backend")));
            Assert.That(policy, Does.Contain(MockAws.TrailArn("dev-audit-trail-backend")));
        });
    }

    [Test]
    public void Both_tables_use_the_key()
    {
        Assert.That(_run.OfType(ResourceTypes.Table).Select(table => table.Object("serverSideEncryption")),
            Has.All.Matches<IReadOnlyDictionary<string, object?>>(sse =>
                Equals(sse["enabled"], true) && Equals(sse["kmsKeyArn"], KeyArn)));
    }

    [Test]
    public void Every_data_bucket_uses_sse_kms_with_the_key_and_bucket_keys()
    {
        var rules = _run.OfType(ResourceTypes.BucketEncryption)
            .Where(encryption => !encryption.String("bucket").StartsWith("dev-access-logs-", StringComparison.Ordinal))
            .Select(encryption => RegisteredResource.AsObject(encryption.List("rules").Single()))
            .ToArray();

        Assert.That(rules, Has.Length.EqualTo(2));
        foreach (var rule in rules)
        {
            var byDefault = RegisteredResource.AsObject(rule["applyServerSideEncryptionByDefault"]);
            Assert.That(byDefault["sseAlgorithm"], Is.EqualTo("aws:kms"));
            Assert.That(byDefault["kmsMasterKeyId"], Is.EqualTo(KeyArn));
            Assert.That(rule["bucketKeyEnabled"], Is.EqualTo(true));
        }
    }

    // Exception, by AWS: S3 delivers server access logs only to buckets encrypted with SSE-S3.
    [Test]
    public void The_access_log_bucket_stays_sse_s3_because_s3_log_delivery_requires_it()
    {
        var rule = RegisteredResource.AsObject(_run
            .Single(ResourceTypes.BucketEncryption, "dev-access-logs-123456789012-backend").List("rules").Single());

        Assert.That(RegisteredResource.AsObject(rule["applyServerSideEncryptionByDefault"])["sseAlgorithm"],
            Is.EqualTo("AES256"));
    }

    [Test]
    public void Both_queues_use_the_key_instead_of_sqs_managed_encryption()
    {
        foreach (var queue in _run.OfType(ResourceTypes.Queue))
        {
            Assert.That(queue.String("kmsMasterKeyId"), Is.EqualTo(KeyArn), queue.Name);
            Assert.That(queue.Has("sqsManagedSseEnabled"), Is.False, queue.Name);
        }
    }

    [Test]
    public void The_alert_topic_uses_the_key()
    {
        Assert.That(_run.Single(ResourceTypes.Topic).String("kmsMasterKeyId"), Is.EqualTo(KeyArn));
    }

    [Test]
    public void Every_log_group_uses_the_key()
    {
        var groups = _run.OfType(ResourceTypes.LogGroup).ToArray();

        Assert.That(groups, Has.Length.EqualTo(3));
        Assert.That(groups.Select(group => group.String("kmsKeyId")), Has.All.EqualTo(KeyArn));
    }

    [Test]
    public void Both_functions_encrypt_their_environment_with_the_key()
    {
        Assert.That(_run.OfType(ResourceTypes.Function).Select(function => function.String("kmsKeyArn")),
            Is.EqualTo(new[] { KeyArn, KeyArn }));
    }

    [Test]
    public void The_trail_encrypts_its_log_files_with_the_key()
    {
        Assert.That(_run.Single(ResourceTypes.Trail).String("kmsKeyId"), Is.EqualTo(KeyArn));
    }

    [TestCase("dev-order-processor-policy-backend")]
    [TestCase("dev-audit-policy-backend")]
    public void Each_function_role_may_decrypt_and_generate_data_keys_with_this_key_only(string policyName)
    {
        using var policy = JsonDocument.Parse(_run.Single(ResourceTypes.RolePolicy, policyName).String("policy"));
        var kms = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Where(statement => statement.GetProperty("Action").EnumerateArray()
                .Any(action => action.GetString()!.StartsWith("kms:", StringComparison.Ordinal)))
            .ToArray();

        Assert.That(kms, Has.Length.EqualTo(1));
        Assert.That(kms[0].GetProperty("Action").EnumerateArray().Select(a => a.GetString()),
            Is.EqualTo(new[] { "kms:Decrypt", "kms:GenerateDataKey" }));
        Assert.That(kms[0].GetProperty("Resource").EnumerateArray().Select(r => r.GetString()),
            Is.EqualTo(new[] { KeyArn }));
    }

    [Test]
    public void The_trail_delivery_role_needs_no_key_access()
    {
        Assert.That(_run.Single(ResourceTypes.RolePolicy, "dev-audit-trail-policy-backend").String("policy"),
            Does.Not.Contain("kms:"));
    }

    [Test]
    public async Task The_key_arn_and_alias_are_stack_outputs()
    {
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.KmsKeyArn), Is.EqualTo(KeyArn));
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.KmsKeyAlias),
            Is.EqualTo("alias/dev-orders-pipeline-backend"));
    }
}

/// <summary>The stack key with every part on: no table, bucket, queue, topic or log group escapes it, and the key
/// policy names every log group the stack makes (the ingest-log table and the API access-log group once went without it).</summary>
[TestFixture]
[NonParallelizable]
public sealed class CustomerKeyEveryPartTests
{
    private static readonly string KeyArn = MockAws.KeyArn("encryption-key");
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithIngest()
        .With("encryption", "customer-key").With("auditTrail", "true").With("cdn", "true").With("waf", "true")
        .With("vpc", "true").With("guardDuty", "true").With("configRules", "true").With("configRecorder", "true")
        .RunAsync();

    [Test]
    public void Every_table_the_ingest_log_included_uses_the_key()
    {
        var tables = _run.OfType(ResourceTypes.Table).ToArray();

        Assert.That(tables.Select(table => table.String("name")), Does.Contain("dev-ingest-log-backend"));
        Assert.That(tables.Select(table => table.Object("serverSideEncryption")["kmsKeyArn"]), Has.All.EqualTo(KeyArn));
    }

    [Test]
    public void Every_log_group_the_api_access_log_included_uses_the_key_and_the_key_policy_names_it()
    {
        var groups = _run.OfType(ResourceTypes.LogGroup).ToArray();
        var policy = _run.Single(ResourceTypes.Key).String("policy");

        Assert.That(groups.Select(group => group.String("name")), Does.Contain("/aws/apigateway/dev-orders-api-backend"));
        Assert.Multiple(() =>
        {
            foreach (var group in groups)
            {
                Assert.That(group.String("kmsKeyId"), Is.EqualTo(KeyArn), group.String("name"));
                Assert.That(policy, Does.Contain(MockAws.LogGroupArn(group.String("name"))), group.String("name"));
            }
        });
    }

    [Test]
    public void Every_bucket_but_the_access_log_bucket_queue_and_topic_uses_the_key()
    {
        var keyed = _run.OfType(ResourceTypes.BucketEncryption)
            .Where(encryption => !encryption.String("bucket").StartsWith("dev-access-logs-", StringComparison.Ordinal))
            .Select(encryption => RegisteredResource.AsObject(RegisteredResource.AsObject(
                encryption.List("rules").Single())["applyServerSideEncryptionByDefault"])["kmsMasterKeyId"]);

        Assert.That(keyed, Has.All.EqualTo(KeyArn).And.Count.EqualTo(4));
        Assert.That(_run.OfType(ResourceTypes.Queue).Select(queue => queue.String("kmsMasterKeyId")), Has.All.EqualTo(KeyArn));
        Assert.That(_run.Single(ResourceTypes.Topic).String("kmsMasterKeyId"), Is.EqualTo(KeyArn));
    }
}

[TestFixture]
[NonParallelizable]
public sealed class ImportedKeyTests
{
    private const string Imported = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults()
        .With("encryption", "customer-key")
        .With("kmsKeyArn", Imported)
        .RunAsync();

    [Test]
    public void No_key_and_no_alias_are_created()
    {
        Assert.That(_run.OfType(ResourceTypes.Key), Is.Empty);
        Assert.That(_run.OfType(ResourceTypes.Alias), Is.Empty);
        Assert.That(_run.Mocks.Registered.Select(r => r.Type), Has.None.EqualTo("orders-pipeline:protection:EncryptionKey"));
    }

    [Test]
    public void Everything_is_encrypted_with_the_imported_key()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_run.OfType(ResourceTypes.Table).Select(t => t.Object("serverSideEncryption")["kmsKeyArn"]),
                Has.All.EqualTo(Imported));
            Assert.That(_run.OfType(ResourceTypes.Queue).Select(q => q.String("kmsMasterKeyId")), Has.All.EqualTo(Imported));
            Assert.That(_run.Single(ResourceTypes.Topic).String("kmsMasterKeyId"), Is.EqualTo(Imported));
            Assert.That(_run.OfType(ResourceTypes.LogGroup).Select(g => g.String("kmsKeyId")), Has.All.EqualTo(Imported));
            Assert.That(_run.OfType(ResourceTypes.Function).Select(f => f.String("kmsKeyArn")), Has.All.EqualTo(Imported));
            Assert.That(_run.OfType(ResourceTypes.RolePolicy).Select(p => p.String("policy")),
                Has.All.Contain($"\"Resource\":[\"{Imported}\"]"));
        });
    }

    [Test]
    public async Task The_imported_key_is_the_key_output()
    {
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.KmsKeyArn), Is.EqualTo(Imported));
    }
}

[TestFixture]
[NonParallelizable]
public sealed class AwsManagedEncryptionTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().With("auditTrail", "true").RunAsync();

    [Test]
    public void No_key_is_created_and_no_resource_names_one()
    {
        string[] keyInputs = ["kmsKeyArn", "kmsKeyId", "kmsMasterKeyId"];

        Assert.That(_run.OfType(ResourceTypes.Key), Is.Empty);
        Assert.That(_run.Aws.Where(resource => keyInputs.Any(resource.Has)).Select(resource => resource.Name), Is.Empty);
        Assert.That(_run.OfType(ResourceTypes.Table).Select(t => t.Object("serverSideEncryption").ContainsKey("kmsKeyArn")),
            Has.All.False);
    }

    [Test]
    public void Every_bucket_uses_sse_s3_and_queues_sqs_managed_encryption()
    {
        var algorithms = _run.OfType(ResourceTypes.BucketEncryption)
            .Select(e => RegisteredResource.AsObject(
                RegisteredResource.AsObject(e.List("rules").Single())["applyServerSideEncryptionByDefault"])["sseAlgorithm"])
            .ToArray();

        Assert.That(algorithms, Is.EqualTo(new[] { "AES256", "AES256", "AES256" }));
        Assert.That(_run.OfType(ResourceTypes.Queue).Select(q => q.Bool("sqsManagedSseEnabled")), Has.All.True);
    }

    [Test]
    public void No_role_may_use_a_key()
    {
        Assert.That(_run.OfType(ResourceTypes.RolePolicy).Select(p => p.String("policy")), Has.None.Contain("kms:"));
    }

    [Test]
    public async Task The_key_outputs_are_empty()
    {
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.KmsKeyArn), Is.Empty);
        Assert.That(await Pulumi.Utilities.OutputUtilities.GetValueAsync(_run.Stack.KmsKeyAlias), Is.Empty);
    }
}
