using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moq;
using OrdersPipeline.Functions.Ingest.Files;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

public sealed class OrderBatchWriterTests
{
    private readonly Mock<IAmazonDynamoDB> _dynamoDb = new(MockBehavior.Strict);
    private readonly List<List<string>> _calls = [];
    private readonly List<TimeSpan> _waits = [];

    private static Dictionary<string, AttributeValue> Item(string id) => new() { ["orderId"] = new AttributeValue { S = id } };

    /// <summary>DynamoDB answers each call by leaving the ids <paramref name="unprocessed"/> picks unprocessed.</summary>
    private OrderBatchWriter Writer(Func<int, IReadOnlyList<string>, IReadOnlyList<string>> unprocessed)
    {
        _dynamoDb.Setup(d => d.BatchWriteItemAsync(It.IsAny<BatchWriteItemRequest>(), It.IsAny<CancellationToken>()))
            .Returns((BatchWriteItemRequest request, CancellationToken _) =>
            {
                var ids = request.RequestItems["orders"].Select(w => w.PutRequest.Item["orderId"].S).ToList();
                int call;
                lock (_calls)
                {
                    _calls.Add(ids);
                    call = _calls.Count;
                }

                var left = unprocessed(call, ids);
                return Task.FromResult(new BatchWriteItemResponse
                {
                    UnprocessedItems = left.Count == 0 ? [] : new Dictionary<string, List<WriteRequest>>
                    {
                        ["orders"] = [.. left.Select(id => new WriteRequest { PutRequest = new PutRequest { Item = Item(id) } })],
                    },
                });
            });
        return new OrderBatchWriter(_dynamoDb.Object, "orders", wait =>
        {
            lock (_waits)
            {
                _waits.Add(wait);
            }

            return Task.CompletedTask;
        });
    }

    [Test]
    public async Task Orders_go_out_25_per_batch()
    {
        var writer = Writer((_, _) => []);
        for (var i = 0; i < 60; i++)
        {
            await writer.AddAsync($"o-{i}", Item($"o-{i}"));
        }

        await writer.FlushAsync();
        Assert.Multiple(() =>
        {
            Assert.That(_calls.Select(c => c.Count).Order(), Is.EqualTo(new[] { 10, 25, 25 }));
            Assert.That(writer.Written, Is.EqualTo(60));
            Assert.That(_waits, Is.Empty);
        });
    }

    [Test]
    public async Task Unprocessed_items_are_sent_again_after_a_growing_wait_until_written()
    {
        // The first two answers leave items unprocessed; the third takes the rest.
        var writer = Writer((call, ids) => call switch { 1 => ids.Skip(5).ToList(), 2 => ids.Skip(2).ToList(), _ => [] });
        for (var i = 0; i < 25; i++)
        {
            await writer.AddAsync($"o-{i}", Item($"o-{i}"));
        }

        await writer.FlushAsync();
        Assert.Multiple(() =>
        {
            Assert.That(_calls.Select(c => c.Count), Is.EqualTo(new[] { 25, 20, 18 }));
            Assert.That(_calls[2], Is.EqualTo(_calls[1].Skip(2)), "only the unprocessed items are resent");
            Assert.That(writer.Written, Is.EqualTo(25));
            Assert.That(writer.Retries, Is.EqualTo(2));
            Assert.That(_waits, Has.Count.EqualTo(2));
            Assert.That(_waits[0], Is.InRange(TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(50)));
            Assert.That(_waits[1], Is.InRange(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)));
        });
    }

    [Test]
    public async Task Items_still_unprocessed_after_the_last_attempt_fail_the_flush()
    {
        var writer = Writer((_, ids) => ids);
        await writer.AddAsync("o-1", Item("o-1"));
        Assert.That(writer.FlushAsync, Throws.InvalidOperationException.With.Message.Contains("after 10 BatchWriteItem attempts"));
        Assert.That(_calls, Has.Count.EqualTo(OrderBatchWriter.MaxAttempts));
        Assert.That(writer.Written, Is.Zero);
    }

    [Test]
    public async Task A_second_write_of_the_same_order_waits_for_the_first()
    {
        var writer = Writer((_, _) => []);
        await writer.AddAsync("o-1", Item("o-1"));
        await writer.AddAsync("o-2", Item("o-2"));
        await writer.AddAsync("o-1", Item("o-1"));
        await writer.FlushAsync();
        Assert.That(_calls, Is.EqualTo(new[] { new List<string> { "o-1", "o-2" }, new List<string> { "o-1" } }),
            "never two puts of one key in one batch, and the later one last");
    }

    [TestCase(1, 25, 50)]
    [TestCase(3, 100, 200)]
    [TestCase(20, 2500, 5000)]
    public void Backoff_grows_from_50_ms_and_stops_at_5_s(int attempt, double min, double max) =>
        Assert.That(OrderBatchWriter.Backoff(attempt).TotalMilliseconds, Is.InRange(min, max));
}
