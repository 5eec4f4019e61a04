using System.Text.Json;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class IngestDefinitionsTests
{
    [Test]
    public void The_http_ingest_policy_is_put_and_update_on_the_orders_table_and_its_own_logs()
    {
        var statements = PolicyDocuments.HttpIngestStatements("arn:table", "arn:logs");
        Assert.That(statements.Select(s => (s.Sid, string.Join(",", s.Actions), string.Join(",", s.Resources))), Is.EqualTo(new[]
        {
            ("WriteOrders", "dynamodb:PutItem,dynamodb:UpdateItem", "arn:table"),
            ("WriteOwnLogs", "logs:CreateLogStream,logs:PutLogEvents", "arn:logs:*"),
        }));
    }

    [Test]
    public void The_file_ingest_policy_names_each_prefix_table_and_queue()
    {
        var statements = PolicyDocuments.FileIngestStatements("arn:orders", "arn:log", "arn:bucket", "arn:dlq", "arn:logs");
        Assert.That(statements.Select(s => (s.Sid, string.Join(",", s.Actions), string.Join(",", s.Resources))), Is.EqualTo(new[]
        {
            ("ReadDroppedFiles", "s3:GetObject,s3:GetObjectVersion", "arn:bucket/incoming/*"),
            ("WriteRejectsFiles", "s3:PutObject", "arn:bucket/rejects/*"),
            ("WriteOrders", "dynamodb:BatchWriteItem", "arn:orders"),
            ("WriteIngestLog", "dynamodb:PutItem", "arn:log"),
            ("SendFailedEventsToDeadLetterQueue", "sqs:SendMessage", "arn:dlq"),
            ("WriteOwnLogs", "logs:CreateLogStream,logs:PutLogEvents", "arn:logs:*"),
        }));
    }

    [Test]
    public void The_api_gateway_trust_policy_lets_only_api_gateway_assume_the_role()
    {
        using var document = JsonDocument.Parse(PolicyDocuments.ApiGatewayTrustPolicy());
        var statement = document.RootElement.GetProperty("Statement").EnumerateArray().Single();
        Assert.That(statement.GetProperty("Principal").GetProperty("Service").GetString(), Is.EqualTo("apigateway.amazonaws.com"));
        Assert.That(statement.GetProperty("Action").GetString(), Is.EqualTo("sts:AssumeRole"));
    }

    [Test]
    public void The_order_model_is_draft_4_with_the_functions_limits()
    {
        using var document = JsonDocument.Parse(OrderSchema.Json());
        var root = document.RootElement;
        var items = root.GetProperty("properties").GetProperty("items");
        var item = items.GetProperty("items").GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("$schema").GetString(), Is.EqualTo("http://json-schema.org/draft-04/schema#"));
            Assert.That(root.GetProperty("properties").GetProperty("orderId").GetProperty("maxLength").GetInt32(), Is.EqualTo(200));
            Assert.That(items.GetProperty("minItems").GetInt32(), Is.EqualTo(1));
            Assert.That(item.GetProperty("quantity").GetProperty("minimum").GetInt32(), Is.EqualTo(1));
            Assert.That(item.GetProperty("unitPrice").GetProperty("pattern").GetString(),
                Is.EqualTo("^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,2})?$"));
        });
    }

    [Test]
    public void With_both_doors_off_there_are_no_ingest_alarms() =>
        Assert.That(IngestAlarmDefinitions.For(new ConfigFixture().With("httpIngest", "false").With("fileIngest", "false").Parse()),
            Is.Empty);

    [Test]
    public void Each_door_brings_its_own_alarms()
    {
        var http = IngestAlarmDefinitions.For(new ConfigFixture().With("fileIngest", "false").Parse()).Select(a => a.Name);
        var file = IngestAlarmDefinitions.For(new ConfigFixture().With("httpIngest", "false").Parse()).Select(a => a.Name);
        Assert.Multiple(() =>
        {
            Assert.That(http, Is.EqualTo(new[]
            {
                "dev-api-5xx-rate-alarm-backend", "dev-api-4xx-alarm-backend", "dev-api-latency-p99-alarm-backend",
                "dev-http-ingest-errors-alarm-backend",
            }));
            Assert.That(file, Is.EqualTo(new[] { "dev-file-ingest-errors-alarm-backend", "dev-ingest-failed-files-alarm-backend" }));
        });
    }

    [Test]
    public void Alarm_thresholds_come_from_config()
    {
        var alarms = IngestAlarmDefinitions.For(new ConfigFixture().With("api5xxRateAlarmPercent", "12")
            .With("api4xxAlarmThreshold", "40").With("apiLatencyP99AlarmMs", "900").Parse()).ToDictionary(a => a.Name);
        Assert.Multiple(() =>
        {
            Assert.That(alarms["dev-api-5xx-rate-alarm-backend"].Threshold, Is.EqualTo(0.12).Within(1e-9));
            Assert.That(alarms["dev-api-4xx-alarm-backend"].Threshold, Is.EqualTo(40));
            Assert.That(alarms["dev-api-latency-p99-alarm-backend"].Threshold, Is.EqualTo(900));
        });
    }

    [TestCase("p99", true)]
    [TestCase("p99.9", true)]
    [TestCase("Sum", false)]
    [TestCase("p", false)]
    public void Percentiles_are_told_from_plain_statistics(string statistic, bool percentile) =>
        Assert.That(IngestAlarmDefinitions.IsPercentile(statistic), Is.EqualTo(percentile));

    [Test]
    public void A_drop_bucket_name_that_is_too_long_is_a_config_error_only_while_the_file_door_is_on()
    {
        ConfigFixture TooLong() => new ConfigFixture().With("environment", "production-east").With("team", "data-engineering-platform");
        var on = TooLong().ParseFails();
        var off = TooLong().With("fileIngest", "false").ParseFails();
        Assert.Multiple(() =>
        {
            Assert.That(on.Problems, Has.One.Contain("'production-east-order-drop-000000000000-data-engineering-platform'"));
            Assert.That(off.Problems, Has.None.Contain("order-drop"));
        });
    }
}
