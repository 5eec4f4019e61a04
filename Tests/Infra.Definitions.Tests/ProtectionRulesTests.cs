using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class ProtectionRulesTests
{
    private const string KeyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    [Test]
    public void Defaults_are_aws_managed_keys_no_trail_no_lock()
    {
        var config = new ConfigFixture().Parse();

        Assert.Multiple(() =>
        {
            Assert.That(config.Get(ConfigSchema.Encryption), Is.EqualTo(EncryptionMode.AwsManaged));
            Assert.That(config.Get(ConfigSchema.KmsKeyArn), Is.Null);
            Assert.That(config.Get(ConfigSchema.KeyDeletionWindowDays), Is.EqualTo(30));
            Assert.That(config.Get(ConfigSchema.AuditTrail), Is.False);
            Assert.That(config.Get(ConfigSchema.TrailLogExpirationDays), Is.EqualTo(365));
            Assert.That(config.Get(ConfigSchema.AccessLogExpirationDays), Is.EqualTo(90));
            Assert.That(config.Get(ConfigSchema.ProcessedObjectLockDays), Is.EqualTo(0));
        });
    }

    [Test]
    public void An_imported_key_is_accepted_with_customer_key()
    {
        var config = new ConfigFixture().With("encryption", "customer-key").With("kmsKeyArn", KeyArn).Parse();

        Assert.That(config.Get(ConfigSchema.KmsKeyArn), Is.EqualTo(KeyArn));
    }

    [Test]
    public void An_imported_key_without_customer_key_is_a_config_error()
    {
        var error = new ConfigFixture().With("kmsKeyArn", KeyArn).ParseFails();

        Assert.That(error.Problems, Has.Count.EqualTo(1));
        Assert.That(error.Message, Does.Contain("'orders-pipeline:kmsKeyArn'").And.Contain("customer-key"));
    }

    [TestCase("alias/my-key")]
    [TestCase("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [TestCase("arn:aws:kms:us-east-1:123456789012:alias/my-key")]
    public void Only_a_key_arn_is_accepted(string value)
    {
        var error = new ConfigFixture().With("encryption", "customer-key").With("kmsKeyArn", value).ParseFails();

        Assert.That(error.Message, Does.Contain("a KMS key ARN like"));
    }

    [TestCase("6")]
    [TestCase("31")]
    public void The_deletion_window_is_what_kms_allows(string days)
    {
        Assert.That(new ConfigFixture().With("keyDeletionWindowDays", days).ParseFails().Message,
            Does.Contain("an integer from 7 to 30"));
    }

    [Test]
    public void Trail_logs_must_outlive_their_move_to_glacier()
    {
        Assert.That(new ConfigFixture().With("trailLogExpirationDays", "90").ParseFails().Message,
            Does.Contain("an integer from 91 to 3650"));
    }

    [Test]
    public void Object_lock_with_the_default_force_destroy_is_accepted()
    {
        var config = new ConfigFixture().With("processedObjectLockDays", "30").Parse();

        Assert.That(config.Get(ConfigSchema.ProcessedObjectLockDays), Is.EqualTo(30));
        Assert.That(config.Get(ConfigSchema.ForceDestroy), Is.True);
    }

    [Test]
    public void With_object_lock_only_the_processed_bucket_keeps_its_objects_on_destroy()
    {
        var config = new ConfigFixture().With("processedObjectLockDays", "30").Parse();

        Assert.That(Enum.GetValues<StackBucket>().Where(bucket => !ProtectionRules.ForceDestroy(config, bucket)),
            Is.EqualTo(new[] { StackBucket.Processed }));
    }

    [Test]
    public void Without_object_lock_every_bucket_follows_force_destroy()
    {
        var emptied = new ConfigFixture().Parse();
        var kept = new ConfigFixture().With("forceDestroy", "false").Parse();
        var keptAndLocked = new ConfigFixture().With("forceDestroy", "false").With("processedObjectLockDays", "30").Parse();

        Assert.Multiple(() =>
        {
            foreach (var bucket in Enum.GetValues<StackBucket>())
            {
                Assert.That(ProtectionRules.ForceDestroy(emptied, bucket), Is.True, $"{bucket}");
                Assert.That(ProtectionRules.ForceDestroy(kept, bucket), Is.False, $"{bucket}");
                Assert.That(ProtectionRules.ForceDestroy(keptAndLocked, bucket), Is.False, $"{bucket}");
            }
        });
    }

    [TestCase(null, null, 30)]
    [TestCase(null, 30, 0)]
    [TestCase("bucket", 30, 60)]
    [TestCase("bucket", 30, 30)]
    [TestCase("bucket", null, 0)]
    [TestCase("bucket", 0, 0)]
    public void Object_lock_changes_s3_can_make_are_allowed(string? priorBucket, int? priorDays, int days)
    {
        Assert.That(ProtectionRules.ObjectLockChange(priorBucket, priorDays, days), Is.Null);
    }

    [TestCase(null)]
    [TestCase(0)]
    public void Turning_object_lock_on_for_an_existing_bucket_is_refused(int? priorDays)
    {
        var problem = ProtectionRules.ObjectLockChange("dev-processed-data-123456789012-backend", priorDays, 30);

        Assert.That(problem, Does.Contain("'orders-pipeline:processedObjectLockDays' is 30")
            .And.Contain("already exists without Object Lock").And.Contain("only when it creates a bucket"));
    }

    [Test]
    public void Turning_object_lock_off_is_refused()
    {
        var problem = ProtectionRules.ObjectLockChange("dev-processed-data-123456789012-backend", 30, 0);

        Assert.That(problem, Does.Contain("cannot turn off"));
    }
}
