using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>
/// The one validation of an order, shared by the HTTP and file doors (docs/ingest.md, "Validation"). It checks the
/// known fields, converts the whole object to DynamoDB attributes in the same pass (unknown fields kept as they
/// are), and reports every problem rather than the first.
/// </summary>
public static class OrderValidator
{
    public static OrderValidation Validate(JsonElement order)
    {
        if (order.ValueKind != JsonValueKind.Object)
        {
            return Refused(new FieldProblem(string.Empty, "the order must be a JSON object"));
        }

        var problems = new List<FieldProblem>();
        var attributes = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        string? orderId = null;
        bool seenCustomer = false, seenCurrency = false, seenItems = false;
        var fieldCount = 0;

        foreach (var property in order.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (++fieldCount > OrderLimits.MaxTopLevelFields)
            {
                problems.Add(new FieldProblem(string.Empty,
                    $"the order has more than {OrderLimits.MaxTopLevelFields} fields"));
                break;
            }

            if (attributes.ContainsKey(name))
            {
                problems.Add(new FieldProblem(name, "appears more than once"));
                continue;
            }

            switch (name)
            {
                case OrderFields.OrderId:
                    orderId = Identifier(value, FieldPath.Top(name), OrderLimits.MaxOrderIdLength, problems);
                    Put(attributes, name, orderId);
                    break;
                case OrderFields.CustomerId:
                    seenCustomer = true;
                    Put(attributes, name, Identifier(value, FieldPath.Top(name), OrderLimits.MaxCustomerIdLength, problems));
                    break;
                case OrderFields.Currency:
                    seenCurrency = true;
                    Put(attributes, name, Currency(value, problems));
                    break;
                case OrderFields.Items:
                    seenItems = true;
                    if (Items(value, problems) is { } items)
                    {
                        attributes[name] = items;
                    }
                    break;
                default:
                    if (OrderFields.Reserved.Contains(name))
                    {
                        problems.Add(new FieldProblem(name, "is set by the service and may not be sent"));
                    }
                    else if (Convert(value, FieldPath.Top(name), 1, problems) is { } converted)
                    {
                        attributes[name] = converted;
                    }
                    break;
            }
        }

        if (!attributes.ContainsKey(OrderFields.OrderId) && !problems.Any(p => p.Field == OrderFields.OrderId))
        {
            problems.Add(new FieldProblem(OrderFields.OrderId, "is required"));
        }

        Require(seenCustomer, OrderFields.CustomerId, problems);
        Require(seenCurrency, OrderFields.Currency, problems);
        Require(seenItems, OrderFields.Items, problems);

        return problems.Count > 0
            ? new OrderValidation(null, problems)
            : new OrderValidation(new ValidatedOrder(orderId!, attributes, CanonicalHash.Of(attributes)), []);
    }

    private static OrderValidation Refused(FieldProblem problem) => new(null, [problem]);

    private static void Require(bool seen, string field, List<FieldProblem> problems)
    {
        if (!seen)
        {
            problems.Add(new FieldProblem(field, "is required"));
        }
    }

    private static void Put(Dictionary<string, AttributeValue> attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes[name] = new AttributeValue { S = value };
        }
    }

    private static string? Identifier(JsonElement value, FieldPath field, int maxLength, List<FieldProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new FieldProblem(field.ToString(), "must be a string"));
            return null;
        }

        var text = value.GetString()!;
        string? reason = text.Length == 0 || string.IsNullOrWhiteSpace(text) ? "must not be empty"
            : text.Length > maxLength ? $"must be at most {maxLength} characters"
            : text.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
                ? "must not contain control characters"
            : null;
        if (reason is not null)
        {
            problems.Add(new FieldProblem(field.ToString(), reason));
            return null;
        }

        return text;
    }

    private static string? Currency(JsonElement value, List<FieldProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new FieldProblem(OrderFields.Currency, "must be a string"));
            return null;
        }

        var code = value.GetString()!;
        if (!CurrencyCodes.IsKnown(code))
        {
            problems.Add(new FieldProblem(OrderFields.Currency,
                "must be an ISO 4217 currency code in upper case, such as EUR or USD"));
            return null;
        }

        return code;
    }

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

        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var before = problems.Count;
        foreach (var property in item.EnumerateObject())
        {
            var field = path.ChildOfItem(property.Name);
            if (map.ContainsKey(property.Name))
            {
                problems.Add(new FieldProblem(field.ToString(), "appears more than once"));
                continue;
            }

            var converted = property.Name switch
            {
                OrderFields.Sku => Identifier(property.Value, field, OrderLimits.MaxSkuLength, problems) is { } sku
                    ? new AttributeValue { S = sku }
                    : null,
                OrderFields.Quantity => Quantity(property.Value, field, problems),
                OrderFields.UnitPrice => Money(property.Value, field, problems),
                _ => Convert(property.Value, field, 2, problems),
            };
            if (converted is not null)
            {
                map[property.Name] = converted;
            }
        }

        foreach (var required in (ReadOnlySpan<string>)[OrderFields.Sku, OrderFields.Quantity, OrderFields.UnitPrice])
        {
            if (!item.TryGetProperty(required, out _))
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

        return new AttributeValue { N = value.GetRawText() };
    }

    private static AttributeValue? Money(JsonElement value, FieldPath field, List<FieldProblem> problems)
    {
        // A JSON number's raw text or a string's content: never parsed into a binary type.
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => null,
        };
        if (text is null)
        {
            problems.Add(new FieldProblem(field.ToString(), "must be a decimal number or a decimal string, such as 12.50"));
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
    /// arrays L.</summary>
    private static AttributeValue? Convert(JsonElement value, FieldPath path, int depth, List<FieldProblem> problems)
    {
        if (depth > OrderLimits.MaxDepth)
        {
            problems.Add(new FieldProblem(path.ToString(), $"nests deeper than {OrderLimits.MaxDepth} levels"));
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new AttributeValue { S = value.GetString() };
            case JsonValueKind.Number:
                var text = value.GetRawText();
                if (SignificantDigits(text) > OrderLimits.MaxNumberDigits)
                {
                    problems.Add(new FieldProblem(path.ToString(),
                        $"has more than {OrderLimits.MaxNumberDigits} significant digits"));
                    return null;
                }

                return new AttributeValue { N = text };
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new AttributeValue { BOOL = value.GetBoolean() };
            case JsonValueKind.Null:
                return new AttributeValue { NULL = true };
            case JsonValueKind.Array:
                var list = new List<AttributeValue>(value.GetArrayLength());
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    if (Convert(element, new FieldPath(path.ToString(), index++, null), depth + 1, problems) is { } converted)
                    {
                        list.Add(converted);
                    }
                }

                return new AttributeValue { L = list };
            default:
                var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (Convert(property.Value, path.Child(property.Name), depth + 1, problems) is { } converted)
                    {
                        map[property.Name] = converted;
                    }
                }

                return new AttributeValue { M = map };
        }
    }

    private static int SignificantDigits(string number)
    {
        var mantissa = number.AsSpan();
        var exponent = mantissa.IndexOfAny('e', 'E');
        if (exponent >= 0)
        {
            mantissa = mantissa[..exponent];
        }

        var digits = 0;
        var leading = true;
        foreach (var c in mantissa)
        {
            if (!char.IsAsciiDigit(c) || (leading && c == '0'))
            {
                continue;
            }

            leading = false;
            digits++;
        }

        return digits;
    }
}
