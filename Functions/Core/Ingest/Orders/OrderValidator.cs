using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>
/// The one validation of an order, shared by the HTTP and file doors (docs/ingest.md, "Validation"). It checks the
/// known fields, converts the whole object to DynamoDB attributes in the same pass (unknown fields kept as they
/// are), checks every limit DynamoDB puts on an item (<see cref="DynamoDbLimits"/>, counted as DynamoDB counts), and
/// reports every problem rather than the first.
/// </summary>
/// <remarks>
/// Every field name at every depth is read by <see cref="FieldName"/>, every string value by <see cref="Text"/> and
/// every number by <see cref="Number"/> (known fields included), each with the field's path: a check that applies to
/// all values belongs there. <see cref="Value"/> is the one walk through nested objects and arrays.
/// </remarks>
public static class OrderValidator
{
    /// <summary>Stands in for a field whose value was refused, so that a later duplicate of it is still seen; a
    /// refused order's attributes are never used.</summary>
    private static readonly AttributeValue Refused = new() { NULL = true };

    public static OrderValidation Validate(JsonElement order)
    {
        if (order.ValueKind != JsonValueKind.Object)
        {
            return new OrderValidation(null, [new FieldProblem(string.Empty, "the order must be a JSON object")]);
        }

        var problems = new List<FieldProblem>();
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        string? orderId = null;
        var fieldCount = 0;

        foreach (var property in order.EnumerateObject())
        {
            if (++fieldCount > OrderLimits.MaxTopLevelFields)
            {
                problems.Add(new FieldProblem(string.Empty,
                    $"the order has more than {OrderLimits.MaxTopLevelFields} fields"));
                break;
            }

            if (FieldName(property, null, attributes, problems) is not { } name)
            {
                continue;
            }

            var path = FieldPath.Top(name);
            var value = property.Value;
            AttributeValue? converted;
            switch (name)
            {
                case OrderFields.OrderId:
                    orderId = Identifier(value, path, OrderLimits.MaxOrderIdLength, problems);
                    converted = String(orderId);
                    break;
                case OrderFields.CustomerId:
                    converted = String(Identifier(value, path, OrderLimits.MaxCustomerIdLength, problems));
                    break;
                case OrderFields.Currency:
                    converted = String(Currency(value, path, problems));
                    break;
                case OrderFields.Items:
                    converted = Items(value, problems);
                    break;
                default:
                    if (OrderFields.Reserved.Contains(name))
                    {
                        problems.Add(new FieldProblem(name, "is set by the service and may not be sent"));
                        converted = null;
                    }
                    else
                    {
                        converted = Value(value, path, 1, problems);
                    }
                    break;
            }

            attributes[name] = converted ?? Refused;
        }

        foreach (var required in (ReadOnlySpan<string>)[OrderFields.OrderId, OrderFields.CustomerId,
                     OrderFields.Currency, OrderFields.Items])
        {
            if (!attributes.ContainsKey(required))
            {
                problems.Add(new FieldProblem(required, "is required"));
            }
        }

        if (problems.Count == 0 && ItemSize.Of(attributes) is var size and > OrderLimits.MaxOrderItemBytes)
        {
            problems.Add(new FieldProblem(string.Empty,
                $"the order is {size} bytes as a DynamoDB item; at most {OrderLimits.MaxOrderItemBytes} are " +
                $"accepted (DynamoDB's item limit of {DynamoDbLimits.MaxItemBytes} less room for the service's fields)"));
        }

        return problems.Count > 0
            ? new OrderValidation(null, problems)
            : new OrderValidation(new ValidatedOrder(orderId!, attributes, CanonicalHash.Of(attributes)), []);
    }

    private static AttributeValue? String(string? value) => value is null ? null : new AttributeValue { S = value };

    /// <summary>A field's name, when DynamoDB can store it and <paramref name="map"/> does not hold it yet; else
    /// null with the problem. <paramref name="parent"/> is the enclosing object's path (null for the order).</summary>
    private static string? FieldName(JsonProperty property, FieldPath? parent, Dictionary<string, AttributeValue> map,
        List<FieldProblem> problems)
    {
        string name;
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            problems.Add(new FieldProblem(parent?.ToString() ?? string.Empty,
                "has a field name that is not text (an unpaired surrogate such as \\ud800, or invalid UTF-8)"));
            return null;
        }

        var path = parent is { } enclosing ? enclosing.Child(name) : FieldPath.Top(name);
        var bytes = Encoding.UTF8.GetByteCount(name);
        string? reason = map.ContainsKey(name) ? "appears more than once"
            : bytes is 0 or > DynamoDbLimits.MaxAttributeNameBytes
                ? $"the field name is {bytes} bytes; DynamoDB field names are 1 to " +
                  $"{DynamoDbLimits.MaxAttributeNameBytes} bytes of UTF-8"
            : null;
        if (reason is not null)
        {
            problems.Add(new FieldProblem(path.ToString(), reason));
            return null;
        }

        return name;
    }

    /// <summary>A string value's text; null (with the problem) when it is not a string or not text.</summary>
    private static string? Text(JsonElement value, FieldPath path, List<FieldProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new FieldProblem(path.ToString(), "must be a string"));
            return null;
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped unpaired surrogate ("\ud800") has no UTF-8 form, so DynamoDB cannot store it.
            problems.Add(new FieldProblem(path.ToString(),
                "is not text: it holds an unpaired surrogate (such as \\ud800) or invalid UTF-8"));
            return null;
        }
    }

    /// <summary>A JSON number as DynamoDB number text (its raw text, never converted); null (with the problem)
    /// when DynamoDB's number type cannot hold it.</summary>
    private static string? Number(JsonElement value, FieldPath path, List<FieldProblem> problems)
    {
        if (DynamoDbNumber.Check(JsonMarshal.GetRawUtf8Value(value)) is { } reason)
        {
            problems.Add(new FieldProblem(path.ToString(), reason.TrimEnd('.')));
            return null;
        }

        return value.GetRawText();
    }

    private static string? Identifier(JsonElement value, FieldPath path, int maxBytes, List<FieldProblem> problems)
    {
        if (Text(value, path, problems) is not { } text)
        {
            return null;
        }

        string? reason = string.IsNullOrWhiteSpace(text) ? "must not be empty"
            : Encoding.UTF8.GetByteCount(text) > maxBytes ? $"must be at most {maxBytes} bytes of UTF-8"
            : text.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
                ? "must not contain control characters"
            : null;
        if (reason is not null)
        {
            problems.Add(new FieldProblem(path.ToString(), reason));
            return null;
        }

        return text;
    }

    private static string? Currency(JsonElement value, FieldPath path, List<FieldProblem> problems)
    {
        if (Text(value, path, problems) is not { } code)
        {
            return null;
        }

        if (!CurrencyCodes.IsKnown(code))
        {
            problems.Add(new FieldProblem(path.ToString(),
                "must be an ISO 4217 currency code in upper case, such as EUR or USD"));
            return null;
        }

        return code;
    }

    /// <summary>The <c>items</c> list (level 1 of the item, so each element is level 2 and their fields level 3).</summary>
    private static AttributeValue? Items(JsonElement value, List<FieldProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new FieldProblem(OrderFields.Items, "must be an array"));
            return null;
        }

        var count = value.GetArrayLength();
        if (count == 0)
        {
            problems.Add(new FieldProblem(OrderFields.Items, "must hold at least one item"));
            return null;
        }

        if (count > OrderLimits.MaxItems)
        {
            problems.Add(new FieldProblem(OrderFields.Items, $"must hold at most {OrderLimits.MaxItems} items"));
            return null;
        }

        var list = new List<AttributeValue>(count);
        var index = 0;
        var before = problems.Count;
        foreach (var element in value.EnumerateArray())
        {
            if (Item(element, FieldPath.Item(index), problems) is { } item)
            {
                list.Add(item);
            }

            index++;
        }

        return problems.Count == before ? new AttributeValue { L = list } : null;
    }

    private static AttributeValue? Item(JsonElement item, FieldPath path, List<FieldProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new FieldProblem(path.ToString(), "must be an object with sku, quantity and unitPrice"));
            return null;
        }

        const int fieldLevel = 3;
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var before = problems.Count;
        foreach (var property in item.EnumerateObject())
        {
            if (FieldName(property, path, map, problems) is not { } name)
            {
                continue;
            }

            var field = path.ChildOfItem(name);
            var converted = name switch
            {
                OrderFields.Sku => String(Identifier(property.Value, field, OrderLimits.MaxSkuLength, problems)),
                OrderFields.Quantity => Quantity(property.Value, field, problems),
                OrderFields.UnitPrice => Money(property.Value, field, problems),
                _ => Value(property.Value, field, fieldLevel, problems),
            };
            map[name] = converted ?? Refused;
        }

        foreach (var required in (ReadOnlySpan<string>)[OrderFields.Sku, OrderFields.Quantity, OrderFields.UnitPrice])
        {
            if (!map.ContainsKey(required))
            {
                problems.Add(new FieldProblem(path.ChildOfItem(required).ToString(), "is required"));
            }
        }

        return problems.Count == before ? new AttributeValue { M = map } : null;
    }

    private static AttributeValue? Quantity(JsonElement value, FieldPath field, List<FieldProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var quantity) ||
            value.GetRawText().AsSpan().IndexOfAny(".eE") >= 0)
        {
            problems.Add(new FieldProblem(field.ToString(), "must be a whole number greater than 0"));
            return null;
        }

        if (quantity <= 0 || quantity > OrderLimits.MaxQuantity)
        {
            problems.Add(new FieldProblem(field.ToString(), $"must be greater than 0 and at most {OrderLimits.MaxQuantity}"));
            return null;
        }

        return Number(value, field, problems) is { } text ? new AttributeValue { N = text } : null;
    }

    private static AttributeValue? Money(JsonElement value, FieldPath field, List<FieldProblem> problems)
    {
        // A JSON number's raw text or a string's content: never parsed into a binary type.
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => Number(value, field, problems),
            JsonValueKind.String => Text(value, field, problems),
            _ => null,
        };
        if (text is null)
        {
            if (value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
            {
                problems.Add(new FieldProblem(field.ToString(),
                    "must be a decimal number or a decimal string, such as 12.50"));
            }

            return null;
        }

        if (ExactDecimal.Check(text) is { } reason)
        {
            problems.Add(new FieldProblem(field.ToString(), reason));
            return null;
        }

        if (ExactDecimal.IsNegative(text))
        {
            problems.Add(new FieldProblem(field.ToString(), "must not be negative"));
            return null;
        }

        return new AttributeValue { N = text };
    }

    /// <summary>Any JSON value as a DynamoDB attribute: strings S, numbers N (text kept), booleans, null, objects M,
    /// arrays L. <paramref name="level"/> is the level the value has in the item if it is an object or array:
    /// DynamoDB counts a top-level attribute as level 1 and allows <see cref="DynamoDbLimits.MaxNestingLevels"/>.</summary>
    private static AttributeValue? Value(JsonElement value, FieldPath path, int level, List<FieldProblem> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return String(Text(value, path, problems));
            case JsonValueKind.Number:
                return Number(value, path, problems) is { } number ? new AttributeValue { N = number } : null;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new AttributeValue { BOOL = value.GetBoolean() };
            case JsonValueKind.Null:
                return new AttributeValue { NULL = true };
        }

        if (level > DynamoDbLimits.MaxNestingLevels)
        {
            problems.Add(new FieldProblem(path.ToString(),
                $"nests deeper than {DynamoDbLimits.MaxNestingLevels} levels (counted from the top of the order, " +
                "as DynamoDB counts)"));
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var list = new List<AttributeValue>(value.GetArrayLength());
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                list.Add(Value(element, new FieldPath(path.ToString(), index++, null), level + 1, problems) ?? Refused);
            }

            return new AttributeValue { L = list };
        }

        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (FieldName(property, path, map, problems) is { } name)
            {
                map[name] = Value(property.Value, path.Child(name), level + 1, problems) ?? Refused;
            }
        }

        return new AttributeValue { M = map };
    }
}
