using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Ingest.Http;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Tests.Ingest.Http;

/// <summary>A fake orders table with DynamoDB's conditional-write behaviour: a refused write hands back the stored
/// item, and the production rules decide what the refusal means.</summary>
internal sealed class InMemoryOrderStore : IOrderStore
{
    public Dictionary<string, Dictionary<string, AttributeValue>> Items { get; } = new(StringComparer.Ordinal);

    public int Writes { get; private set; }

    public Exception? Fail { get; set; }

    public Task<WriteOutcome> CreateAsync(ValidatedOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Fail is { } error)
        {
            throw error;
        }

        if (Items.TryGetValue(order.OrderId, out var existing))
        {
            return Task.FromResult(ConditionalWriteRules.CreateRefused(existing, order.ContentHash));
        }

        var item = OrderItem.Create(order, now, 1, OrderItem.HttpSource);
        Items[order.OrderId] = item;
        Writes++;
        return Task.FromResult(ConditionalWriteRules.Stored(WriteResult.Created, item));
    }

    public Task<WriteOutcome> ReplaceAsync(
        ValidatedOrder order, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Items.TryGetValue(order.OrderId, out var existing);
        if (existing is null || ConditionalWriteRules.VersionOf(existing) != expectedVersion)
        {
            return Task.FromResult(ConditionalWriteRules.UpdateRefused(existing, order.ContentHash));
        }

        var item = OrderItem.Create(order, now, expectedVersion + 1, OrderItem.HttpSource);
        item[OrderFields.CreatedAt] = existing[OrderFields.CreatedAt];
        Items[order.OrderId] = item;
        Writes++;
        return Task.FromResult(ConditionalWriteRules.Stored(WriteResult.Updated, item));
    }
}
