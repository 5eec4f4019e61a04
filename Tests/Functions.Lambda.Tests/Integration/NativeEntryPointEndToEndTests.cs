using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>
/// The package's executable entry point, run as Lambda's custom runtime runs <c>bootstrap</c>: a separate process
/// that polls the Runtime API. Here it is the build output under <c>dotnet exec</c> (same <c>Main</c> as the native
/// executable); Tests/Benchmarks runs the published native one.
/// </summary>
[Category("Integration")]
public sealed class NativeEntryPointEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string BuildOutput => Path.GetDirectoryName(typeof(NativeEntryPoint).Assembly.Location)!;

    [Test]
    public async Task The_audit_loop_answers_an_invocation_through_the_runtime_api_and_writes_the_audit_row()
    {
        var emulator = EmulatorFixture.Emulator;
        var pipeline = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("native"));
        await using var runtimeApi = new LambdaRuntimeApi();
        var environment = runtimeApi.Environment(Handlers.Audit, "native-audit", emulator.ClientEnvironment,
            new Dictionary<string, string> { [AuditEnvironment.AuditTableName.Name] = pipeline.Names.AuditTable });

        await using var function = FunctionProcess.Start(BuildOutput, environment);
        var result = await runtimeApi.InvokeAsync(
            Encoding.UTF8.GetBytes(Fixtures.Text("sqs-s3-invocation-failure.json")), Timeout);

        using var dynamoDb = emulator.DynamoDb();
        var rows = (await dynamoDb.ScanAsync(new ScanRequest { TableName = pipeline.Names.AuditTable })).Items;
        using var response = JsonDocument.Parse(result.Body);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsError, Is.False, function.Output);
            Assert.That(response.RootElement.GetProperty("batchItemFailures").GetArrayLength(), Is.Zero);
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0]["failureType"].S, Is.EqualTo(FailureTypes.S3InvocationFailed));
        });
    }

    [Test]
    public async Task A_missing_setting_is_reported_as_an_init_error_naming_it()
    {
        var emulator = EmulatorFixture.Emulator;
        await using var runtimeApi = new LambdaRuntimeApi();
        var environment = runtimeApi.Environment(Handlers.Audit, "native-audit", emulator.ClientEnvironment);

        await using var function = FunctionProcess.Start(BuildOutput, environment);
        var exitCode = await function.WaitForExitAsync(Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(runtimeApi.InitError, Does.Contain(AuditEnvironment.AuditTableName.Name), function.Output);
        });
    }

    [Test]
    public async Task An_unknown_handler_exits_at_once_naming_the_valid_ones()
    {
        await using var runtimeApi = new LambdaRuntimeApi();
        await using var function = FunctionProcess.Start(BuildOutput, runtimeApi.Environment("Nope::Nope::Nope", "native"));

        var exitCode = await function.WaitForExitAsync(Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(function.Output, Does.Contain("Nope::Nope::Nope").And.Contain(Handlers.Audit));
        });
    }
}
