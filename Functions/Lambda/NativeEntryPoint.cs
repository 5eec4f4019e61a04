using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.CloudWatchEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.SQSEvents;
using OrdersPipeline.Functions.Audit;
using OrdersPipeline.Functions.Ingest.Files;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Serialization;

namespace OrdersPipeline.Functions;

/// <summary>
/// The entry point of the native package (<c>functionPackage: nativeAot</c>, runtime <c>provided.al2023</c>). Lambda
/// starts the <c>bootstrap</c> executable with the function's handler string in <c>_HANDLER</c>: the same
/// <see cref="Handlers"/> string the managed package uses, so both packages are configured alike. The handler is
/// constructed in the init phase, as the managed runtime does, and a constructor's error (a missing setting) is
/// reported to Lambda as an init error. The managed package never runs this: its runtime calls the handler directly.
/// </summary>
public static class NativeEntryPoint
{
    /// <summary>Set by Lambda's custom runtime to the function's configured handler.</summary>
    public const string HandlerVariable = "_HANDLER";

    public static async Task<int> Main()
    {
        var handler = Environment.GetEnvironmentVariable(HandlerVariable);
        using var bootstrap = Bootstrap(handler);
        if (bootstrap is null)
        {
            await Console.Error.WriteLineAsync(UnknownHandler(handler)).ConfigureAwait(false);
            return 2;
        }

        await bootstrap.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>The Runtime API loop for one of the <see cref="Handlers"/> strings; null for any other.</summary>
    internal static LambdaBootstrap? Bootstrap(string? handler) => handler switch
    {
        Handlers.Processor => Loop(() => new ProcessorFunction(), function =>
            LambdaBootstrapBuilder.Create<DynamoDBEvent, StreamsEventResponse>(
                (input, context) => function().HandleAsync(input, context), new FunctionsLambdaSerializer())),
        Handlers.Audit => Loop(() => new AuditFunction(), function =>
            LambdaBootstrapBuilder.Create<SQSEvent, SQSBatchResponse>(
                (input, context) => function().HandleAsync(input, context), new FunctionsLambdaSerializer())),
        Handlers.HttpIngest => Loop(() => new HttpIngestFunction(), function =>
            LambdaBootstrapBuilder.Create<APIGatewayProxyRequest, APIGatewayProxyResponse>(
                (input, context) => function().HandleAsync(input, context), new FunctionsLambdaSerializer())),
        Handlers.FileIngest => Loop(() => new FileIngestFunction(), function =>
            LambdaBootstrapBuilder.Create<S3Event>(
                (input, context) => function().HandleAsync(input, context), new FunctionsLambdaSerializer())),
        Handlers.Remediation => Loop(() => new RemediationFunction(), function =>
            LambdaBootstrapBuilder.Create<CloudWatchEvent<GuardDutyFinding>, RemediationReport>(
                (input, context) => function().HandleAsync(input, context), new FunctionsLambdaSerializer())),
        _ => null,
    };

    internal static string UnknownHandler(string? handler) =>
        $"{HandlerVariable} is '{handler}', which is none of this package's handlers: "
        + string.Join(", ", Handlers.All) + ".";

    /// <summary>The loop of one handler: <paramref name="construct"/> runs in the init phase, and each invocation
    /// calls the handler it built.</summary>
    private static LambdaBootstrap Loop<TFunction>(
        Func<TFunction> construct, Func<Func<TFunction>, LambdaBootstrapBuilder> invoke)
        where TFunction : class
    {
        TFunction? function = null;
        return invoke(() => function ?? throw new InvalidOperationException("Invoked before the init phase ran."))
            .UseBootstrapHandler(() =>
            {
                function = construct();
                return Task.FromResult(true);
            })
            .Build();
    }
}
