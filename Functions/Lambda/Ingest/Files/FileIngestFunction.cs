using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>
/// Lambda handler <see cref="Handlers.FileIngest"/>: the S3 notification mapped onto <see cref="FileIngestService"/>.
/// A transient failure leaves the service as an exception, which fails the invocation so Lambda retries it. Decides
/// nothing.
/// </summary>
public sealed class FileIngestFunction
{
    private readonly FileIngestService _service;

    /// <summary>Cold start in Lambda: the service configured from the environment.</summary>
    public FileIngestFunction()
        : this(new FileIngestService())
    {
    }

    internal FileIngestFunction(FileIngestService service) => _service = service;

    public Task HandleAsync(S3Event s3Event, ILambdaContext context) =>
        _service.HandleAsync(ObjectNotifications.From(s3Event), Invocations.From(context));
}
