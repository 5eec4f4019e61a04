namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>
/// The parts of an API Gateway proxy request the HTTP door reads. Header names are as the client sent them (the door
/// looks them up without regard to case); <see cref="MultiValueHeaders"/> is consulted after <see cref="Headers"/>.
/// <see cref="GatewayRequestId"/> is API Gateway's request id, the correlation id every answer carries.
/// </summary>
public sealed record HttpRequest(
    string? Method,
    IReadOnlyDictionary<string, string>? Headers,
    IReadOnlyDictionary<string, IList<string>>? MultiValueHeaders,
    string? Body,
    bool IsBase64Encoded,
    string? GatewayRequestId);

/// <summary>The HTTP door's answer: status, headers and body, which the Lambda layer hands back to API Gateway.</summary>
public sealed record HttpResult(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body);
