using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>An order that passed validation: its id, its fields as DynamoDB attributes (unknown fields kept, money
/// as exact <c>N</c> text), and the hash of its canonical form. The service's own attributes are added when it is
/// written.</summary>
public sealed record ValidatedOrder(string OrderId, Dictionary<string, AttributeValue> Attributes, string ContentHash);

/// <summary>The result of validating one order: the order, or every problem found.</summary>
public sealed record OrderValidation(ValidatedOrder? Order, IReadOnlyList<FieldProblem> Problems)
{
    public bool IsValid => Order is not null;
}
