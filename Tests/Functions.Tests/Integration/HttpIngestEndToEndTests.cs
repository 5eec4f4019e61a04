using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Emulator;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Tests.Ingest;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>The HTTP door against a real orders table on the emulator: conditional writes decide 201,
/// 200, 409 and 412 without reading first.</summary>
[Category("Integration")]
public sealed class HttpIngestEndToEndTests
{
    private PipelineResources _resources = null!;
    private IAmazonDynamoDB _dynamoDb = null!;
    private HttpIngestService _door = null!;

    [SetUp]
    public async Task CreateTableAsync()
    {
        var emulator = EmulatorFixture.Emulator;
        _resources = await PipelineResources.CreateAsync(emulator, PipelineNames.Unique("http"));
        _dynamoDb = emulator.DynamoDb();
        _door = new HttpIngestService(new DynamoDbOrderStore(_dynamoDb, _resources.Names.OrdersTable),
            TimeProvider.System, new CapturedLog().Log);
    }

    [TearDown]
    public void DisposeClient() => _dynamoDb?.Dispose();

    private async Task<int> SendAsync(string body, string? ifMatch = null) =>
        (await _door.HandleAsync(ApiGatewayRequests.PostOrder(body, Guid.NewGuid().ToString(), ifMatch), Invocations.Create()))
            .StatusCode;

    private async Task<Dictionary<string, AttributeValue>> StoredAsync(string orderId) =>
        (await _dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _resources.Names.OrdersTable,
            Key = new() { ["orderId"] = new AttributeValue { S = orderId } },
            ConsistentRead = true,
        })).Item;

    [Test]
    public async Task Create_retry_conflict_update_and_stale_update_on_a_real_table()
    {
        var original = OrderJson.Valid("o-77");
        var changed = OrderJson.With(o => o["customerId"] = "c-2", "o-77");
        var statuses = new[]
        {
            await SendAsync(original),
            await SendAsync(original),
            await SendAsync(changed),
            await SendAsync(changed, ifMatch: "\"1\""),
            await SendAsync(changed, ifMatch: "\"1\""),
            await SendAsync(OrderJson.With(o => o["customerId"] = "c-3", "o-77"), ifMatch: "\"1\""),
            await SendAsync(OrderJson.Valid("o-missing"), ifMatch: "\"4\""),
        };
        var stored = await StoredAsync("o-77");
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 201, 200, 409, 200, 200, 412, 412 }));
            Assert.That(stored["customerId"].S, Is.EqualTo("c-2"));
            Assert.That(stored["version"].N, Is.EqualTo("2"));
            Assert.That(stored["createdAt"].S, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
            Assert.That(string.CompareOrdinal(stored["updatedAt"].S, stored["createdAt"].S), Is.GreaterThanOrEqualTo(0));
            Assert.That(stored["items"].L[0].M["unitPrice"].N, Does.StartWith("19.9"));
            Assert.That(stored["ingestSource"].S, Is.EqualTo("http"));
        });
    }

    [Test]
    public async Task An_update_keeps_created_at_and_removes_fields_the_new_body_leaves_out()
    {
        Assert.That(await SendAsync(OrderJson.With(o => o["note"] = "fragile", "o-88")), Is.EqualTo(201));
        var created = await StoredAsync("o-88");
        await Task.Delay(5);
        Assert.That(await SendAsync(OrderJson.With(o => o["channel"] = "web", "o-88"), ifMatch: "1"), Is.EqualTo(200));
        var updated = await StoredAsync("o-88");
        Assert.Multiple(() =>
        {
            Assert.That(updated["createdAt"].S, Is.EqualTo(created["createdAt"].S));
            Assert.That(updated.ContainsKey("note"), Is.False, "a field left out of the update is removed");
            Assert.That(updated["channel"].S, Is.EqualTo("web"));
            Assert.That(updated["version"].N, Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task What_dynamodb_would_refuse_is_a_400_and_what_it_holds_at_its_limits_is_stored()
    {
        string With(string id, string field) => OrderJson.Valid(id).Replace("\"quantity\":2", "\"quantity\":2," + field);
        var deepAtLimit = string.Concat(Enumerable.Repeat("{\"a\":", 30)) + "1" + new string('}', 30);
        var statuses = new[]
        {
            await SendAsync(OrderJson.Valid("o-\\ud800")),
            await SendAsync(With("o-range", "\"w\":1E+126")),
            await SendAsync(With("o-tiny", "\"w\":1E-131")),
            await SendAsync(With("o-deep", "\"d\":{\"a\":" + deepAtLimit + "}")),
            await SendAsync(With("o-dup", "\"m\":{\"g\":1,\"g\":2}")),
            await SendAsync(With("o-max", "\"w\":9.9999999999999999999999999999999999999E+125,\"v\":1E-130,\"d\":" + deepAtLimit)),
            await SendAsync(OrderJson.Valid(string.Concat(Enumerable.Repeat("😀", 50)))),
        };
        var stored = await StoredAsync("o-max");
        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { 400, 400, 400, 400, 400, 201, 201 }));
            Assert.That(stored["items"].L[0].M["w"].N, Is.EqualTo("9.9999999999999999999999999999999999999E+125").Or.EqualTo("9.9999999999999999999999999999999999999E125"));
            Assert.That(await StoredAsync("o-range"), Is.Null.Or.Empty);
        });
    }
}
