using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Ingest.Http;

/// <summary>Conditional writes of single orders (the HTTP door).</summary>
public interface IOrderStore
{
    /// <summary>Writes a new order at version 1, unless the id exists.</summary>
    Task<WriteOutcome> CreateAsync(ValidatedOrder order, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces the order if its stored version is <paramref name="expectedVersion"/>.</summary>
    Task<WriteOutcome> ReplaceAsync(
        ValidatedOrder order, long expectedVersion, DateTimeOffset now, CancellationToken cancellationToken);
}
