using System.Text.Json;
using OrdersPipeline.Deployer.Automation.Tests.Support;
using OrdersPipeline.Deployer.Engine;
using Pulumi.Automation;

namespace OrdersPipeline.Deployer.Automation.Tests;

/// <summary>Pulumi.Automation's values and events become the port's, field for field, and the port's options become
/// Pulumi's.</summary>
public sealed class AutomationMappingTests
{
    private const string QueueUrn = "urn:pulumi:dev::orders-pipeline::aws:sqs/queue:Queue::audit";
    private const string QueueType = "aws:sqs/queue:Queue";

    [Test]
    public void Every_operation_maps_to_the_port_operation_of_the_same_name_and_order()
    {
        foreach (var operation in Enum.GetValues<OperationType>())
        {
            var port = AutomationMapping.ToPort(operation);

            Assert.That(port.ToString(), Is.EqualTo(operation.ToString()));
            Assert.That((int)port, Is.EqualTo((int)operation));
        }
    }

    [Test]
    public void Change_counts_keep_their_operations_and_null_stays_null()
    {
        var changes = new Dictionary<OperationType, int> { [OperationType.Create] = 3, [OperationType.Same] = 2 };

        Assert.That(AutomationMapping.ToPort(changes), Is.EquivalentTo(new Dictionary<ResourceOperation, int>
        {
            [ResourceOperation.Create] = 3,
            [ResourceOperation.Same] = 2,
        }));
        Assert.That(AutomationMapping.ToPort((IReadOnlyDictionary<OperationType, int>?)null), Is.Null);
    }

    [Test]
    public void Config_values_keep_their_value_and_secret_flag_both_ways()
    {
        var stored = new Dictionary<string, ConfigValue>
        {
            ["orders-pipeline:team"] = new("backend"),
            ["orders-pipeline:alertEmail"] = new("ops@example.com", isSecret: true),
        };

        var port = AutomationMapping.ToPort(stored);
        var back = AutomationMapping.ToAutomation(port);

        Assert.That(port["orders-pipeline:team"], Is.EqualTo(new StackConfigValue("backend", IsSecret: false)));
        Assert.That(port["orders-pipeline:alertEmail"],
            Is.EqualTo(new StackConfigValue("ops@example.com", IsSecret: true)));
        Assert.That(back.ToDictionary(pair => pair.Key, pair => (pair.Value.Value, pair.Value.IsSecret)),
            Is.EquivalentTo(stored.ToDictionary(pair => pair.Key, pair => (pair.Value.Value, pair.Value.IsSecret))));
    }

    [Test]
    public void Outputs_become_json_keeping_their_types_and_secret_flag()
    {
        using var engineJson = JsonDocument.Parse("""{"port":5000,"tags":{"team":"backend"}}""");
        var outputs = new Dictionary<string, OutputValue>
        {
            ["bucketName"] = PulumiTypes.Output("dev-processed-data-123-backend"),
            ["batchSize"] = PulumiTypes.Output(100),
            ["alarmNames"] = PulumiTypes.Output(new List<object> { "a", "b" }),
            ["endpoint"] = PulumiTypes.Output(engineJson.RootElement.Clone()),
            ["apiKey"] = PulumiTypes.Output("hunter2", isSecret: true),
        };

        var port = AutomationMapping.ToPort(outputs);

        Assert.That(port["bucketName"].Value!.GetValue<string>(), Is.EqualTo("dev-processed-data-123-backend"));
        Assert.That(port["batchSize"].Value!.ToJsonString(), Is.EqualTo("100"));
        Assert.That(port["alarmNames"].Value!.ToJsonString(), Is.EqualTo("""["a","b"]"""));
        Assert.That(port["endpoint"].Value!.ToJsonString(), Is.EqualTo("""{"port":5000,"tags":{"team":"backend"}}"""));
        Assert.That(port["apiKey"].IsSecret, Is.True);
        Assert.That(port["bucketName"].IsSecret, Is.False);
    }

    [Test]
    public void A_stack_summary_keeps_every_field_the_port_names()
    {
        var lastUpdate = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.That(AutomationMapping.ToPort(PulumiTypes.Stack("dev", true, lastUpdate, false, 42)),
            Is.EqualTo(new BackendStack("dev", true, lastUpdate, false, 42)));
        Assert.That(AutomationMapping.ToPort(PulumiTypes.Stack("local", false, null, true, null)),
            Is.EqualTo(new BackendStack("local", false, null, true, null)));
    }

    [Test]
    public void Step_events_become_step_progress_with_their_operation_urn_and_type()
    {
        const OperationType operation = OperationType.CreateReplacement;
        var step = new ResourceStep(ResourceOperation.CreateReplacement, QueueUrn, QueueType);

        Assert.That(AutomationMapping.ToPort(PulumiTypes.Started(operation, QueueUrn, QueueType)),
            Is.EqualTo(new StepStarted(step)));
        Assert.That(AutomationMapping.ToPort(PulumiTypes.Finished(operation, QueueUrn, QueueType)),
            Is.EqualTo(new StepFinished(step)));
        Assert.That(AutomationMapping.ToPort(PulumiTypes.Failed(operation, QueueUrn, QueueType)),
            Is.EqualTo(new StepFailed(step)));
    }

    [TestCase(true, true)]
    [TestCase(false, false)]
    [TestCase(null, false)]
    public void A_diagnostic_keeps_its_severity_message_resource_and_ephemeral_flag(bool? ephemeral, bool expected)
    {
        var engineEvent = PulumiTypes.Diagnostic("error", "<{%reset%}>AccessDenied", QueueUrn, ephemeral);

        Assert.That(AutomationMapping.ToPort(engineEvent),
            Is.EqualTo(new EngineDiagnostic("error", "<{%reset%}>AccessDenied", QueueUrn, expected)));
    }

    [Test]
    public void Events_the_port_has_no_use_for_are_not_forwarded()
    {
        Assert.That(AutomationMapping.ToPort(PulumiTypes.Prelude()), Is.Null);
    }

    [Test]
    public void Operation_options_become_Pulumi_s_with_plain_text_and_progress_as_port_events()
    {
        var received = new List<ProgressEvent>();
        var options = new OperationOptions(["urn:a", "urn:b"], RefreshFirst: true, received.Add);

        var preview = AutomationMapping.ToAutomation<PreviewOptions>(options);
        var onEvent = preview.OnEvent!;
        onEvent(PulumiTypes.Finished(OperationType.Create, QueueUrn, QueueType));
        onEvent(PulumiTypes.Prelude());

        Assert.That(preview.Target, Is.EqualTo(new[] { "urn:a", "urn:b" }));
        Assert.That(preview.Color, Is.EqualTo("never"));
        Assert.That(received, Is.EqualTo(new[]
        {
            new StepFinished(new ResourceStep(ResourceOperation.Create, QueueUrn, QueueType)),
        }));
        Assert.That(AutomationMapping.RefreshFlag(options), Is.True);
    }

    [Test]
    public void No_targets_and_no_refresh_leave_Pulumi_s_defaults()
    {
        var options = new OperationOptions(Targets: null, RefreshFirst: false, _ => { });

        Assert.That(AutomationMapping.ToAutomation<DestroyOptions>(options).Target, Is.Null);
        Assert.That(AutomationMapping.RefreshFlag(options), Is.Null);
    }
}
