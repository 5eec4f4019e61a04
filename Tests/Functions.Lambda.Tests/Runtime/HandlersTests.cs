using System.Reflection;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.CloudWatchEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.SQSEvents;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Serialization;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Runtime;

/// <summary>The handler strings Infra sets resolve, by reflection, to the methods the Lambda runtime will
/// call.</summary>
public sealed class HandlersTests
{
    private static readonly Assembly Functions = typeof(Handlers).Assembly;

    private static MethodInfo Resolve(string handler)
    {
        var parts = handler.Split("::");
        Assert.That(parts, Has.Length.EqualTo(3), "assembly::type::method");
        Assert.That(parts[0], Is.EqualTo(Functions.GetName().Name), "the assembly part names this assembly");
        var type = Functions.GetType(parts[1], throwOnError: false);
        Assert.That(type, Is.Not.Null, $"type {parts[1]}");
        Assert.That(type!.IsPublic, Is.True);
        Assert.That(type.GetConstructor(Type.EmptyTypes), Is.Not.Null, "the runtime needs a public parameterless constructor");
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == parts[2]).ToList();
        Assert.That(methods, Has.Count.EqualTo(1), $"exactly one public method {parts[2]} (no overload to guess between)");
        return methods[0];
    }

    private static void AssertSignature(MethodInfo method, Type eventType, Type responseType) => Assert.Multiple(() =>
    {
        Assert.That(method.GetParameters().Select(p => p.ParameterType), Is.EqualTo(new[] { eventType, typeof(ILambdaContext) }));
        Assert.That(method.ReturnType, Is.EqualTo(typeof(Task<>).MakeGenericType(responseType)));
    });

    [Test]
    public void The_processor_handler_resolves_to_the_stream_signature() =>
        AssertSignature(Resolve(Handlers.Processor), typeof(DynamoDBEvent), typeof(StreamsEventResponse));

    [Test]
    public void The_audit_handler_resolves_to_the_sqs_signature() =>
        AssertSignature(Resolve(Handlers.Audit), typeof(SQSEvent), typeof(SQSBatchResponse));

    [Test]
    public void The_http_ingest_handler_resolves_to_the_api_gateway_proxy_signature() =>
        AssertSignature(Resolve(Handlers.HttpIngest), typeof(APIGatewayProxyRequest), typeof(APIGatewayProxyResponse));

    [Test]
    public void The_file_ingest_handler_resolves_to_the_s3_event_signature()
    {
        var method = Resolve(Handlers.FileIngest);
        Assert.Multiple(() =>
        {
            Assert.That(method.GetParameters().Select(p => p.ParameterType), Is.EqualTo(new[] { typeof(S3Event), typeof(ILambdaContext) }));
            Assert.That(method.ReturnType, Is.EqualTo(typeof(Task)));
        });
    }

    [Test]
    public void The_remediation_handler_resolves_to_the_eventbridge_signature() =>
        AssertSignature(Resolve(Handlers.Remediation), typeof(CloudWatchEvent<GuardDutyFinding>), typeof(RemediationReport));

    [Test]
    public void Every_handler_string_is_tested_here() =>
        Assert.That(typeof(Handlers).GetFields().Where(f => f.IsLiteral && f.Name != nameof(Handlers.AssemblyName)).Select(f => f.Name),
            Is.EquivalentTo(new[] { "Processor", "Audit", "HttpIngest", "FileIngest", "Remediation" }),
            "a new handler string needs its own resolve test above");

    [Test]
    public void The_handler_strings_keep_the_format_infra_deploys() => Assert.Multiple(() =>
    {
        Assert.That(Handlers.Processor,
            Is.EqualTo("OrdersPipeline.Functions::OrdersPipeline.Functions.Processor.ProcessorFunction::HandleAsync"));
        Assert.That(Handlers.Audit, Is.EqualTo("OrdersPipeline.Functions::OrdersPipeline.Functions.Audit.AuditFunction::HandleAsync"));
        Assert.That(Handlers.Remediation,
            Is.EqualTo("OrdersPipeline.Functions::OrdersPipeline.Functions.Remediation.RemediationFunction::HandleAsync"));
    });

    [Test]
    public void The_assembly_names_a_serializer_the_runtime_can_construct_for_both_events_and_responses()
    {
        var attribute = Functions.GetCustomAttribute<LambdaSerializerAttribute>();
        Assert.That(attribute, Is.Not.Null);
        var serializer = (ILambdaSerializer)Activator.CreateInstance(attribute!.SerializerType)!;
        Assert.Multiple(() =>
        {
            Assert.That(serializer, Is.TypeOf<FunctionsLambdaSerializer>());
            Assert.That(() => serializer.Deserialize<DynamoDBEvent>(new MemoryStream("""{"Records":[]}"""u8.ToArray())), Throws.Nothing);
            Assert.That(() => serializer.Deserialize<SQSEvent>(new MemoryStream("""{"Records":[]}"""u8.ToArray())), Throws.Nothing);
            Assert.That(() => serializer.Deserialize<CloudWatchEvent<GuardDutyFinding>>(new MemoryStream("""{"detail":{}}"""u8.ToArray())),
                Throws.Nothing);
        });
    }
}
