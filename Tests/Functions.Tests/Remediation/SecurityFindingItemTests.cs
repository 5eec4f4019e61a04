using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Functions.Text;

namespace OrdersPipeline.Functions.Tests.Remediation;

/// <summary>The audit item of an access-key finding on a stack role (docs/contracts.md, "Security finding
/// item").</summary>
public sealed class SecurityFindingItemTests
{
    private static Dictionary<string, AttributeValue> Map(FindingEvent input) =>
        SecurityFindingItem.Map(input, Samples.ProcessorRole, FixedTime.Default);

    [Test]
    public void The_item_has_the_audit_tables_keys_and_the_findings_identifying_fields()
    {
        var item = Map(FindingFixtures.Sample(Samples.StackRoleAccessKey));
        Assert.Multiple(() =>
        {
            Assert.That(item["auditId"].S, Is.EqualTo("guardduty:a4c9e1f07d2b4e6f8a0c3d5e7f9b1a2c"));
            Assert.That(item["timestamp"].S, Is.EqualTo("2026-11-24T09:12:31.771Z"), "the finding's updatedAt, as sent");
            Assert.That(item["failureType"].S, Is.EqualTo("security-finding"));
            Assert.That(item["findingId"].S, Is.EqualTo("a4c9e1f07d2b4e6f8a0c3d5e7f9b1a2c"));
            Assert.That(item["findingType"].S, Is.EqualTo("CredentialAccess:IAMUser/AnomalousBehavior"));
            Assert.That(item["findingArn"].S, Does.EndWith("/finding/a4c9e1f07d2b4e6f8a0c3d5e7f9b1a2c"));
            Assert.That(item["severity"].N, Is.EqualTo("5.5"));
            Assert.That(item["title"].S, Does.StartWith("Anomalous API calls"));
            Assert.That(item["description"].S, Does.Contain("AssumedRole : dev-order-processor-role-backend"));
            Assert.That(item["accountId"].S, Is.EqualTo("123456789012"));
            Assert.That(item["region"].S, Is.EqualTo("us-east-1"));
            Assert.That(item["roleName"].S, Is.EqualTo(Samples.ProcessorRole));
            Assert.That(item["userType"].S, Is.EqualTo("AssumedRole"));
            Assert.That(item["principalId"].S, Is.EqualTo("AROAEXAMPLEPROCESSOR1:dev-order-processor-lambda-backend"));
            Assert.That(item["accessKeyId"].S, Is.EqualTo("ASIAEXAMPLEPROCESSOR1"));
            Assert.That(item["actionType"].S, Is.EqualTo("AWS_API_CALL"));
            Assert.That(item["api"].S, Is.EqualTo("GetSecretValue"));
            Assert.That(item["apiServiceName"].S, Is.EqualTo("secretsmanager.amazonaws.com"));
            Assert.That(item["findingCount"].N, Is.EqualTo("3"));
            Assert.That(item["findingCreatedAt"].S, Is.EqualTo("2026-11-24T09:02:17.435Z"));
            Assert.That(item["findingUpdatedAt"].S, Is.EqualTo("2026-11-24T09:12:31.771Z"));
            Assert.That(item["eventFirstSeen"].S, Is.EqualTo("2026-11-24T08:51:02.000Z"));
            Assert.That(item["eventLastSeen"].S, Is.EqualTo("2026-11-24T09:03:11.000Z"));
            Assert.That(item["eventId"].S, Is.EqualTo("4f1c2a77-5d0e-2b3c-9a41-7e0b6c1d2e31"));
            Assert.That(item["auditedAt"].S, Is.EqualTo("2026-11-22T10:01:03.123Z"));
            Assert.That(item, Does.Not.ContainKey("findingJsonTruncated"));
            Assert.That(item.Values.Where(v => v.S is not null).Select(v => v.S), Has.None.Empty, "no empty strings are stored");
        });
    }

    [Test]
    public void The_whole_finding_is_kept_as_json_including_the_fields_the_function_does_not_read()
    {
        var item = Map(FindingFixtures.Sample(Samples.StackRoleAccessKey));
        var original = JsonDocument.Parse(Fixtures.Text(Samples.StackRoleAccessKey)).RootElement.GetProperty("detail");
        var stored = JsonDocument.Parse(item["findingJson"].S).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(JsonElement.DeepEquals(stored, original), Is.True, item["findingJson"].S);
            Assert.That(item["findingJsonBytes"].N, Is.EqualTo(Encoding.UTF8.GetByteCount(item["findingJson"].S).ToString()));
        });
    }

    [Test]
    public void A_later_update_of_the_same_finding_is_a_new_item_under_the_same_audit_id()
    {
        var first = FindingFixtures.Sample(Samples.StackRoleAccessKey);
        var update = FindingFixtures.Event(Fixtures.Text(Samples.StackRoleAccessKey)
            .Replace("\"updatedAt\": \"2026-11-24T09:12:31.771Z\"", "\"updatedAt\": \"2026-11-24T15:12:31.771Z\"", StringComparison.Ordinal));
        var redelivered = FindingFixtures.Sample(Samples.StackRoleAccessKey);
        Assert.Multiple(() =>
        {
            Assert.That(Map(update)["auditId"].S, Is.EqualTo(Map(first)["auditId"].S));
            Assert.That(Map(update)["timestamp"].S, Is.Not.EqualTo(Map(first)["timestamp"].S));
            Assert.That(SecurityFindingItem.Map(redelivered, Samples.ProcessorRole, FixedTime.Default.AddHours(1))["timestamp"].S,
                Is.EqualTo(Map(first)["timestamp"].S), "a redelivery has the same key whenever it arrives");
        });
    }

    [TestCase("""{"id":"f","createdAt":"2026-11-24T09:02:17.435Z"}""", "2026-11-24T09:02:17.435Z")]
    [TestCase("""{"id":"f"}""", "2026-11-24T09:17:40.000Z")]
    public void Without_updated_at_the_key_falls_back_to_created_at_then_to_the_event_time(string detail, string timestamp)
    {
        var input = FindingFixtures.Event(
            $$"""{"id":"e-1","time":"2026-11-24T09:17:40Z","detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{{detail}}}""");
        Assert.That(SecurityFindingItem.Timestamp(input, FixedTime.Default), Is.EqualTo(timestamp));
    }

    [Test]
    public void An_oversized_finding_is_stored_truncated_and_flagged_and_the_item_stays_under_dynamodbs_limit()
    {
        var huge = new string('é', 200_000);
        var json = Fixtures.Text(Samples.StackRoleAccessKey)
            .Replace("\"title\": \"Anomalous", $"\"title\": \"{huge}", StringComparison.Ordinal)
            .Replace("\"description\": \"APIs", $"\"description\": \"{huge}", StringComparison.Ordinal)
            .Replace("\"userName\": \"dev-order", $"\"userName\": \"{huge}dev-order", StringComparison.Ordinal);
        var item = SecurityFindingItem.Map(FindingFixtures.Event(json), Samples.ProcessorRole, FixedTime.Default);
        Assert.Multiple(() =>
        {
            Assert.That(item["findingJsonTruncated"].BOOL, Is.True);
            Assert.That(int.Parse(item["findingJsonBytes"].N), Is.GreaterThan(SecurityFindingItem.MaxFindingJsonBytes));
            Assert.That(Encoding.UTF8.GetByteCount(item["findingJson"].S), Is.LessThanOrEqualTo(SecurityFindingItem.MaxFindingJsonBytes));
            Assert.That(Encoding.UTF8.GetByteCount(item["description"].S), Is.LessThanOrEqualTo(SecurityFindingItem.MaxTextBytes));
            Assert.That(ItemBytes(item), Is.LessThan(DynamoDbLimits.MaxItemBytes));
        });
    }

    [Test]
    public void A_prefix_never_splits_a_character() => Assert.Multiple(() =>
    {
        Assert.That(Utf8Prefix.Of("ab😀c", 5), Is.EqualTo("ab"), "the emoji's 4 bytes do not fit in 3");
        Assert.That(Utf8Prefix.Of("ab😀c", 6), Is.EqualTo("ab😀"));
        Assert.That(Utf8Prefix.Of("aé", 2), Is.EqualTo("a"));
        Assert.That(Utf8Prefix.Of("short", 100), Is.EqualTo("short"));
    });

    /// <summary>DynamoDB's item size: the UTF-8 bytes of every attribute name and value (numbers at most 21 bytes,
    /// booleans 1).</summary>
    private static int ItemBytes(Dictionary<string, AttributeValue> item) => item.Sum(a =>
        Encoding.UTF8.GetByteCount(a.Key) + (a.Value.S is { } s ? Encoding.UTF8.GetByteCount(s) : a.Value.N is not null ? 21 : 1));
}
