using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class MonitoringTests
{
    private const string TopicName = "dev-pipeline-alerts-topic-backend";
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().With("errorAlarmThreshold", "7").RunAsync();

    private RegisteredResource Alarm(string name) => _run.Single(ResourceTypes.MetricAlarm, name);

    [Test]
    public void Processor_errors_alarm_sums_errors_over_one_300s_period_at_the_threshold()
    {
        var alarm = Alarm("dev-processor-errors-alarm-backend");

        Assert.Multiple(() =>
        {
            Assert.That(alarm.String("namespace"), Is.EqualTo("AWS/Lambda"));
            Assert.That(alarm.String("metricName"), Is.EqualTo("Errors"));
            Assert.That(alarm.String("statistic"), Is.EqualTo("Sum"));
            Assert.That(alarm.Number("period"), Is.EqualTo(300));
            Assert.That(alarm.Number("evaluationPeriods"), Is.EqualTo(1));
            Assert.That(alarm.Number("threshold"), Is.EqualTo(7));
            Assert.That(alarm.String("comparisonOperator"), Is.EqualTo("GreaterThanOrEqualToThreshold"));
            Assert.That(alarm.String("treatMissingData"), Is.EqualTo("notBreaching"));
            Assert.That(alarm.Object("dimensions")["FunctionName"], Is.EqualTo("dev-order-processor-lambda-backend"));
        });
    }

    [Test]
    public void Iterator_age_alarm_watches_the_processor_maximum()
    {
        var alarm = Alarm("dev-processor-iterator-age-alarm-backend");

        Assert.That(alarm.String("metricName"), Is.EqualTo("IteratorAge"));
        Assert.That(alarm.String("statistic"), Is.EqualTo("Maximum"));
        Assert.That(alarm.Number("threshold"), Is.EqualTo(60_000));
        Assert.That(alarm.Object("dimensions")["FunctionName"], Is.EqualTo("dev-order-processor-lambda-backend"));
    }

    [TestCase("dev-dlq-depth-alarm-backend", "dev-orders-dlq-backend")]
    [TestCase("dev-redrive-depth-alarm-backend", "dev-audit-redrive-queue-backend")]
    public void Queue_depth_alarms_fire_on_one_visible_message(string alarmName, string queueName)
    {
        var alarm = Alarm(alarmName);

        Assert.That(alarm.String("namespace"), Is.EqualTo("AWS/SQS"));
        Assert.That(alarm.String("metricName"), Is.EqualTo("ApproximateNumberOfMessagesVisible"));
        Assert.That(alarm.Number("threshold"), Is.EqualTo(1));
        Assert.That(alarm.Object("dimensions")["QueueName"], Is.EqualTo(queueName));
    }

    [Test]
    public void Audit_errors_alarm_fires_on_one_error()
    {
        var alarm = Alarm("dev-audit-errors-alarm-backend");

        Assert.That(alarm.String("metricName"), Is.EqualTo("Errors"));
        Assert.That(alarm.Number("threshold"), Is.EqualTo(1));
        Assert.That(alarm.Object("dimensions")["FunctionName"], Is.EqualTo("dev-audit-lambda-backend"));
    }

    [Test]
    public void Every_alarm_notifies_the_topic_on_alarm_and_on_ok()
    {
        var alarms = _run.OfType(ResourceTypes.MetricAlarm).ToArray();

        Assert.That(alarms, Has.Length.EqualTo(6));
        foreach (var alarm in alarms)
        {
            Assert.That(alarm.Strings("alarmActions"), Is.EqualTo(new[] { MockAws.TopicArn(TopicName) }), alarm.Name);
            Assert.That(alarm.Strings("okActions"), Is.EqualTo(new[] { MockAws.TopicArn(TopicName) }), alarm.Name);
        }
    }

    [Test]
    public void Processing_lag_alarm_has_both_dimensions_the_processor_emits()
    {
        var alarm = Alarm("dev-processing-lag-alarm-backend");

        Assert.That(alarm.String("namespace"), Is.EqualTo("OrdersPipeline"));
        Assert.That(alarm.Object("dimensions"), Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["Function"] = "dev-order-processor-lambda-backend",
            ["Environment"] = "dev",
        }));
    }

    [Test]
    public void Topic_is_not_encrypted_with_the_aws_managed_sns_key()
    {
        Assert.That(_run.Single(ResourceTypes.Topic).Has("kmsMasterKeyId"), Is.False);
    }

    [Test]
    public void No_email_subscription_without_an_alert_email()
    {
        Assert.That(_run.OfType(ResourceTypes.TopicSubscription), Is.Empty);
    }

    [Test]
    public async Task An_alert_email_is_subscribed_to_the_topic()
    {
        var run = await StackRun.WithDefaults().With("alertEmail", "ops@example.com").RunAsync();
        var subscription = run.Single(ResourceTypes.TopicSubscription);

        Assert.That(subscription.String("protocol"), Is.EqualTo("email"));
        Assert.That(subscription.String("endpoint"), Is.EqualTo("ops@example.com"));
        Assert.That(subscription.String("topic"), Is.EqualTo(MockAws.TopicArn(TopicName)));
    }
}
