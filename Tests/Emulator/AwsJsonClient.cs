using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrdersPipeline.Emulator;

/// <summary>
/// A minimal AWS JSON-protocol (1.0) caller for the services whose SDK packages this NuGet mirror lacks
/// (DynamoDB Streams, SQS). Emulators do not check signatures, so the request carries a well-formed but unsigned
/// Authorization header that only tells the emulator which service and region are meant.
/// </summary>
public abstract class AwsJsonClient(Uri endpoint, string region, string signingService, string targetPrefix) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };

    protected async Task<JsonNode> CallAsync(string operation, object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/");
        message.Content = new StringContent(JsonSerializer.Serialize(request, EmulatorJson.Options), Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.Add("X-Amz-Target", $"{targetPrefix}.{operation}");
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=testing/{DateTime.UtcNow:yyyyMMdd}/{region}/{signingService}/aws4_request, SignedHeaders=host, Signature=0");

        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{targetPrefix}.{operation} failed with {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}
