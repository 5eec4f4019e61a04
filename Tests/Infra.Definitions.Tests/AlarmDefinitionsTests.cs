using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class AlarmDefinitionsTests
{
    private static IReadOnlyList<AlarmDefinition> Alarms(ConfigFixture? config = null) =>
        AlarmDefinitions.For((config ?? new ConfigFixture()).Parse());

    private static AlarmDefinition Alarm(string name, ConfigFixture? config = null) =>
        Alarms(config).Single(alarm => alarm.Name == name);

    private static ConfigFixture DoorsOff() => new ConfigFixture().With("httpIngest", "false").With("fileIngest", "false");

    [Test]
    public void There_are_seven_alarms_one_per_failure_signal()
    {
        Assert.That(Alarms(DoorsOff()).Select(alarm => alarm.Name), Is.EqualTo(new[]
        {
            "dev-processor-errors-alarm-backend",
            "dev-processor-iterator-age-alarm-backend",
            "dev-dlq-depth-alarm-backend",
            "dev-audit-errors-alarm-backend",
            "dev-redrive-depth-alarm-backend",
            "dev-processing-lag-alarm-backend",
            "dev-card-numbers-masked-alarm-backend",
        }));
    }

    [Test]
    public void Processor_errors_sum_over_one_five_minute_period_at_the_configured_threshold()
    {
        var alarm = Alarm("dev-processor-errors-alarm-backend");

        Assert.That(alarm, Is.EqualTo(alarm with
        {
            Namespace = "AWS/Lambda",
            MetricName = "Errors",
            Statistic = "Sum",
            PeriodSeconds = 300,
            EvaluationPeriods = 1,
            Threshold = 5,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            TreatMissingData = "notBreaching",
            DimensionName = "FunctionName",
            Target = AlarmTarget.ProcessorFunction,
        }));
    }

    [Test]
    public void Error_threshold_comes_from_config()
    {
        var alarm = Alarm("dev-processor-errors-alarm-backend", new ConfigFixture().With("errorAlarmThreshold", "9"));

        Assert.That(alarm.Threshold, Is.EqualTo(9));
    }

    [Test]
    public void Iterator_age_uses_the_maximum_against_the_configured_milliseconds()
    {
        var alarm = Alarm("dev-processor-iterator-age-alarm-backend", new ConfigFixture().With("iteratorAgeAlarmMs", "90000"));

        Assert.Multiple(() =>
        {
            Assert.That(alarm.MetricName, Is.EqualTo("IteratorAge"));
            Assert.That(alarm.Statistic, Is.EqualTo("Maximum"));
            Assert.That(alarm.Threshold, Is.EqualTo(90000));
            Assert.That(alarm.Target, Is.EqualTo(AlarmTarget.ProcessorFunction));
        });
    }

    [TestCase("dev-dlq-depth-alarm-backend", AlarmTarget.DeadLetterQueue)]
    [TestCase("dev-redrive-depth-alarm-backend", AlarmTarget.RedriveQueue)]
    public void Queue_depth_alarms_fire_on_one_visible_message(string name, AlarmTarget target)
    {
        var alarm = Alarm(name);

        Assert.Multiple(() =>
        {
            Assert.That(alarm.Namespace, Is.EqualTo("AWS/SQS"));
            Assert.That(alarm.MetricName, Is.EqualTo("ApproximateNumberOfMessagesVisible"));
            Assert.That(alarm.DimensionName, Is.EqualTo("QueueName"));
            Assert.That(alarm.Threshold, Is.EqualTo(1));
            Assert.That(alarm.ComparisonOperator, Is.EqualTo("GreaterThanOrEqualToThreshold"));
            Assert.That(alarm.Target, Is.EqualTo(target));
        });
    }

    [Test]
    public void Audit_errors_fire_on_the_first_error()
    {
        var alarm = Alarm("dev-audit-errors-alarm-backend");

        Assert.Multiple(() =>
        {
            Assert.That(alarm.MetricName, Is.EqualTo("Errors"));
            Assert.That(alarm.Statistic, Is.EqualTo("Sum"));
            Assert.That(alarm.Threshold, Is.EqualTo(1));
            Assert.That(alarm.Target, Is.EqualTo(AlarmTarget.AuditFunction));
        });
    }

    [Test]
    public void Processing_lag_watches_the_processors_own_metric_in_the_configured_namespace_and_environment()
    {
        var config = new ConfigFixture().With("environment", "qa").With("metricsNamespace", "Shop/Orders")
            .With("processingLagAlarmMs", "45000");
        var alarm = Alarm("qa-processing-lag-alarm-backend", config);

        Assert.Multiple(() =>
        {
            Assert.That(alarm.Namespace, Is.EqualTo("Shop/Orders"));
            Assert.That(alarm.MetricName, Is.EqualTo("WriteLagMax"));
            Assert.That(alarm.Statistic, Is.EqualTo("Maximum"));
            Assert.That(alarm.Threshold, Is.EqualTo(45000));
            Assert.That(alarm.DimensionName, Is.EqualTo("Function"));
            Assert.That(alarm.Target, Is.EqualTo(AlarmTarget.ProcessorFunction));
            Assert.That(alarm.FixedDimensions, Is.EquivalentTo(new Dictionary<string, string> { ["Environment"] = "qa" }));
        });
    }

    [Test]
    public void Only_the_alarms_on_the_processors_own_metrics_have_fixed_dimensions()
    {
        Assert.That(Alarms(DoorsOff()).Where(alarm => alarm.FixedDimensions.Count > 0).Select(alarm => alarm.Name),
            Is.EqualTo(new[] { "dev-processing-lag-alarm-backend", "dev-card-numbers-masked-alarm-backend" }));
    }

    [Test]
    public void Any_card_number_the_processor_masks_raises_the_alarm()
    {
        var alarm = Alarm("qa-card-numbers-masked-alarm-backend",
            new ConfigFixture().With("environment", "qa").With("metricsNamespace", "Shop/Orders"));
        Assert.Multiple(() =>
        {
            Assert.That(alarm.Namespace, Is.EqualTo("Shop/Orders"));
            Assert.That(alarm.MetricName, Is.EqualTo("CardNumbersMasked"));
            Assert.That(alarm.Statistic, Is.EqualTo("Sum"));
            Assert.That(alarm.Threshold, Is.EqualTo(1));
            Assert.That(alarm.ComparisonOperator, Is.EqualTo("GreaterThanOrEqualToThreshold"));
            Assert.That(alarm.Target, Is.EqualTo(AlarmTarget.ProcessorFunction));
            Assert.That(alarm.FixedDimensions, Is.EquivalentTo(new Dictionary<string, string> { ["Environment"] = "qa" }));
        });
    }

    [Test]
    public void Every_alarm_treats_missing_data_as_not_breaching_over_one_300s_period()
    {
        Assert.That(Alarms().Select(alarm => (alarm.TreatMissingData, alarm.PeriodSeconds, alarm.EvaluationPeriods)),
            Has.All.EqualTo(("notBreaching", 300, 1)));
    }

    [Test]
    public void Every_alarm_has_a_description() =>
        Assert.That(Alarms().Select(alarm => alarm.Description), Has.All.Not.Empty);
}
