using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;

namespace OrdersPipeline.Functions.Privacy;

/// <summary>
/// One walk of an item's attributes at any depth for card numbers: in strings (S, SS) and numbers (N, NS: a card
/// number sent as a JSON number is still one). A hit is masked or refused; a masked number becomes a masked string.
/// The item is copied only along a path that changes; a clean item comes back as the same dictionary and the walk
/// allocates nothing (its path stack is reused per thread, and a field's path is spelled out only for a hit).
/// </summary>
internal sealed class CardNumberScan
{
    [ThreadStatic]
    private static CardNumberScan? _reusable;

    private (string? Name, int Index)[] _path = new (string?, int)[40];
    private int _depth;
    private CardNumberGuard _guard = CardNumberGuard.Default;
    private bool _mask;
    private bool _maskEverything;
    private List<string>? _refused;
    private List<string>? _masked;

    /// <summary>The item after the walk (the same instance when nothing was masked), the fields refused, the fields
    /// masked (null for none).</summary>
    public readonly record struct Result(
        Dictionary<string, AttributeValue> Item, List<string>? Refused, List<string>? Masked);

    /// <param name="mask">Mask hits instead of refusing them.</param>
    /// <param name="maskEverything">Mask even the fields a door refuses in mask mode (the processor).</param>
    public static Result Run(CardNumberGuard guard, Dictionary<string, AttributeValue> item, bool mask,
        bool maskEverything = false)
    {
        var scan = _reusable ??= new CardNumberScan();
        scan._guard = guard;
        scan._mask = mask;
        scan._maskEverything = maskEverything;
        scan._depth = 0;
        scan._refused = null;
        scan._masked = null;
        var walked = scan.Map(item) ?? item;
        return new Result(walked, scan._refused, scan._masked);
    }

    /// <summary>A replacement for the map, or null when nothing in it changes.</summary>
    private Dictionary<string, AttributeValue>? Map(Dictionary<string, AttributeValue> map)
    {
        Dictionary<string, AttributeValue>? copy = null;
        foreach (var (name, value) in map)
        {
            Push(name, -1);
            var replaced = Value(value);
            _depth--;
            if (replaced is not null)
            {
                copy ??= new Dictionary<string, AttributeValue>(map, StringComparer.Ordinal);
                copy[name] = replaced;
            }
        }

        return copy;
    }

    private AttributeValue? Value(AttributeValue? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.S is { } text)
        {
            return CardNumberDetector.Contains(text) && Hit() ? new AttributeValue { S = CardNumberMasker.Mask(text) } : null;
        }

        if (value.N is { } number)
        {
            return CardNumberDetector.Contains(number) && Hit() ? new AttributeValue { S = CardNumberMasker.Mask(number) } : null;
        }

        if (value.M is { Count: > 0 } map)
        {
            return Map(map) is { } masked ? new AttributeValue { M = masked } : null;
        }

        if (value.L is { Count: > 0 } list)
        {
            List<AttributeValue>? copy = null;
            for (var index = 0; index < list.Count; index++)
            {
                Push(null, index);
                var replaced = Value(list[index]);
                _depth--;
                if (replaced is not null)
                {
                    copy ??= [.. list];
                    copy[index] = replaced;
                }
            }

            return copy is null ? null : new AttributeValue { L = copy };
        }

        if (value.SS is { Count: > 0 } strings)
        {
            return Set(strings) is { } masked ? new AttributeValue { SS = masked } : null;
        }

        // A number set masked becomes a string set: a masked number is no number.
        return value.NS is { Count: > 0 } numbers && Set(numbers) is { } maskedNumbers
            ? new AttributeValue { SS = maskedNumbers }
            : null;
    }

    /// <summary>A set's elements masked, or null when none holds a card number (the set's path is the field's).</summary>
    private List<string>? Set(List<string> items)
    {
        if (!items.Exists(item => item is not null && CardNumberDetector.Contains(item)) || !Hit())
        {
            return null;
        }

        return items.ConvertAll(item => item is null ? item! : CardNumberMasker.Mask(item));
    }

    /// <summary>Records a card number at the current path; true when it is to be masked.</summary>
    private bool Hit()
    {
        var pattern = Spell(indexes: false);
        if (_guard.IsExempt(pattern))
        {
            return false;
        }

        if (_mask && (_maskEverything || !_guard.IsNeverMasked(pattern)))
        {
            (_masked ??= []).Add(Spell(indexes: true));
            return true;
        }

        (_refused ??= []).Add(Spell(indexes: true));
        return false;
    }

    private void Push(string? name, int index)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
        }

        _path[_depth++] = (name, index);
    }

    /// <summary>The current path as the validator spells it (<c>items[2].note</c>), or as an exempt pattern
    /// (<c>items[].note</c>).</summary>
    private string Spell(bool indexes)
    {
        var text = new StringBuilder();
        for (var level = 0; level < _depth; level++)
        {
            var (name, index) = _path[level];
            if (name is null)
            {
                text.Append('[').Append(indexes ? index.ToString(CultureInfo.InvariantCulture) : string.Empty).Append(']');
            }
            else
            {
                text.Append(level == 0 ? string.Empty : ".").Append(name);
            }
        }

        return text.ToString();
    }
}
