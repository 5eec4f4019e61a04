using System.Collections;
using System.Reflection;
using NUnit.Framework;
using OrdersPipeline.Infra.Definitions;
using Pulumi;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class ProtectionOutputsTests
{
    private const string SecretKey = "emulator-secret-that-must-not-leak";

    private static async Task<IReadOnlyDictionary<string, string>> OutputsOf(StackRun run)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in typeof(PipelineStack).GetProperties())
        {
            if (property.GetCustomAttribute<OutputAttribute>() is not { } attribute)
            {
                continue;
            }

            var output = property.GetValue(run.Stack)!;
            var task = (Task)typeof(OutputUtilities).GetMethod(nameof(OutputUtilities.GetValueAsync))!
                .MakeGenericMethod(output.GetType().GetGenericArguments()[0]).Invoke(null, [output])!;
            await task;
            var value = task.GetType().GetProperty("Result")!.GetValue(task);
            Assert.That(value, Is.Not.Null, $"output {attribute.Name} is null: a part that is off exports \"\"");
            outputs[attribute.Name!] = value is IEnumerable items and not string
                ? string.Join(",", items.Cast<object>())
                : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return outputs;
    }

    [Test]
    public async Task No_output_carries_a_secret_value()
    {
        var run = await StackRun.WithIngest()
            .With("encryption", "customer-key")
            .With("auditTrail", "true")
            .With("emulatorEndpoint", "http://127.0.0.1:5000")
            .With("emulatorSecretKey", SecretKey)
            .RunAsync();

        var outputs = await OutputsOf(run);

        Assert.That(outputs.Values, Has.None.Contain(SecretKey).And.None.Contain(MockAws.ApiKeyValue));
        // A secret's ARN names where the value is, and is no secret itself.
        Assert.That(outputs.Keys.Where(name => !name.EndsWith("SecretArn", StringComparison.Ordinal))
                .Select(name => name.ToLowerInvariant()),
            Has.None.Contain("secret").And.None.Contain("password"));
    }

    [Test]
    public async Task The_protection_outputs_are_declared_and_the_object_lock_rule_reads_existing_ones()
    {
        var outputs = await OutputsOf(await StackRun.WithDefaults().RunAsync());

        Assert.That(outputs.Keys, Is.SupersetOf(new[]
        {
            "kmsKeyArn", "kmsKeyAlias", "accessLogBucketName", "auditTrailArn", "auditTrailBucketName",
            "auditTrailLogGroupName", ProtectionRules.PriorObjectLockOutput, ProtectionRules.PriorBucketOutput,
        }));
        Assert.That(outputs[ProtectionRules.PriorBucketOutput], Is.EqualTo("dev-processed-data-123456789012-backend"));
        Assert.That(outputs[ProtectionRules.PriorObjectLockOutput], Is.EqualTo("0"));
    }

    // One convention (StackOutputs): every output exists, and one of a part that is off is "" (a list: empty).
    [Test]
    public async Task With_every_part_off_each_optional_output_is_empty_and_with_every_part_on_none_is()
    {
        var off = await OutputsOf(await StackRun.WithDefaults()
            .With("httpIngest", "false").With("fileIngest", "false").RunAsync());
        var on = await OutputsOf(await StackRun.WithIngest()
            .With("encryption", "customer-key").With("auditTrail", "true").With("cdn", "true").With("waf", "true")
            .With("vpc", "true").With("guardDuty", "true").With("configRules", "true").With("configRecorder", "true")
            .RunAsync());
        var optional = StackOutputs.Optional.Select(output => output.Name).ToArray();

        Assert.That(off.Keys, Is.EquivalentTo(on.Keys));
        Assert.That(optional.Select(name => off[name]), Has.All.EqualTo(StackOutputs.Off));
        Assert.That(optional.Select(name => on[name]), Has.None.EqualTo(StackOutputs.Off));
    }
}
