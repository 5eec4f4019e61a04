using Amazon.DynamoDBv2.Model;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Orders;

namespace OrdersPipeline.Functions.Privacy;

/// <summary>What the doors do with an order that holds a card number (config <c>cardNumberGuard</c>).</summary>
public enum CardNumberGuardMode
{
    /// <summary>The doors refuse it (400, a reject line); the processor masks any that reach the table.</summary>
    Refuse,

    /// <summary>The doors mask it and accept the order; the processor masks too.</summary>
    Mask,

    /// <summary>Nothing is checked or masked.</summary>
    Off,
}

/// <summary>
/// The card-number guard (docs/security.md, "Card numbers"): its mode and the field paths it leaves alone. Paths use
/// the validator's syntax with <c>[]</c> for any index: <c>items[].trackingNo</c>, <c>meta.parcelNumber</c>,
/// <c>parcels[]</c>; a path exempts the field and everything below it.
/// </summary>
public sealed class CardNumberGuard
{
    /// <summary>The reason a door gives for a field holding a card number.</summary>
    public const string Reason = "looks like a payment card number: send a token";

    /// <summary>Fields the doors refuse even in mask mode: masking would change the order's key or its money.</summary>
    private static readonly HashSet<string> NeverMasked =
        new(StringComparer.Ordinal) { OrderFields.OrderId, $"{OrderFields.Items}[].{OrderFields.UnitPrice}" };

    private readonly HashSet<string> _exempt;

    public CardNumberGuard(CardNumberGuardMode mode, IEnumerable<string>? exemptPaths = null)
    {
        Mode = mode;
        _exempt = new HashSet<string>(exemptPaths ?? [], StringComparer.Ordinal);
        foreach (var path in _exempt)
        {
            if (ExemptPathProblem(path) is { } problem)
            {
                throw new ArgumentException($"'{path}' {problem}", nameof(exemptPaths));
            }
        }
    }

    public static CardNumberGuard Default { get; } = new(CardNumberGuardMode.Refuse);

    public CardNumberGuardMode Mode { get; }

    public IReadOnlyCollection<string> ExemptPaths => _exempt;

    public static IReadOnlyDictionary<string, CardNumberGuardMode> ModesByName { get; } =
        new Dictionary<string, CardNumberGuardMode>(StringComparer.Ordinal)
        {
            ["refuse"] = CardNumberGuardMode.Refuse,
            ["mask"] = CardNumberGuardMode.Mask,
            ["off"] = CardNumberGuardMode.Off,
        };

    /// <summary>Null when <paramref name="path"/> is a valid exempt path, else what is wrong with it: dot-separated
    /// names, each of which may end in one or more <c>[]</c>.</summary>
    public static string? ExemptPathProblem(string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            while (name.EndsWith("[]", StringComparison.Ordinal))
            {
                name = name[..^2];
            }

            if (name.Length == 0 || name.AsSpan().IndexOfAny("[], \t") >= 0)
            {
                return "is not a field path: names separated by '.', each optionally followed by '[]' " +
                       "(items[].trackingNo)";
            }
        }

        return null;
    }

    /// <summary>The doors' check of a valid order: refused with a problem per field holding a card number, or in mask
    /// mode the order with those fields masked (and its content hash taken again). An order already refused, or a
    /// guard that is off, passes through.</summary>
    public OrderValidation Screen(OrderValidation validation)
    {
        if (Mode == CardNumberGuardMode.Off || validation.Order is not { } order)
        {
            return validation;
        }

        var scan = CardNumberScan.Run(this, order.Attributes, mask: Mode == CardNumberGuardMode.Mask);
        if (scan.Refused is { Count: > 0 } refused)
        {
            return new OrderValidation(null, [.. refused.Select(path => new FieldProblem(path, Reason))]);
        }

        return ReferenceEquals(scan.Item, order.Attributes)
            ? validation
            : new OrderValidation(order with { Attributes = scan.Item, ContentHash = CanonicalHash.Of(scan.Item) }, []);
    }

    /// <summary>The processor's masking of an image before its document is written (unless the guard is off): the
    /// same dictionary when nothing is masked, else a copy with the masked values. <paramref name="maskedFields"/>
    /// names the masked fields (empty when none).</summary>
    public Dictionary<string, AttributeValue> MaskImage(
        Dictionary<string, AttributeValue> image, out IReadOnlyList<string> maskedFields)
    {
        if (Mode == CardNumberGuardMode.Off)
        {
            maskedFields = [];
            return image;
        }

        var scan = CardNumberScan.Run(this, image, mask: true, maskEverything: true);
        maskedFields = scan.Masked ?? (IReadOnlyList<string>)[];
        return scan.Item;
    }

    internal static CardNumberGuard From(EnvironmentReader env)
    {
        var modeText = env.Read(CardNumberEnvironment.Guard);
        if (!ModesByName.TryGetValue(modeText, out var mode))
        {
            throw new ConfigurationException(
                $"Environment variable {CardNumberEnvironment.Guard.Name} is '{modeText}'; it must be refuse, mask or off.");
        }

        var paths = env.Read(CardNumberEnvironment.ExemptFields)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var path in paths)
        {
            if (ExemptPathProblem(path) is { } problem)
            {
                throw new ConfigurationException(
                    $"Environment variable {CardNumberEnvironment.ExemptFields.Name} holds '{path}', which {problem}.");
            }
        }

        return new CardNumberGuard(mode, paths);
    }

    /// <summary>True when the field whose pattern (indexes as <c>[]</c>) is <paramref name="pattern"/>, or a field
    /// above it, is exempt.</summary>
    internal bool IsExempt(string pattern)
    {
        if (_exempt.Count == 0)
        {
            return false;
        }

        for (var end = 1; end <= pattern.Length; end++)
        {
            if ((end == pattern.Length || pattern[end] is '.' or '[') && _exempt.Contains(pattern[..end]))
            {
                return true;
            }
        }

        return false;
    }

    internal bool IsNeverMasked(string pattern) => NeverMasked.Contains(pattern);

    /// <summary>Two guards are equal when their mode and exempt paths are (settings compare by value).</summary>
    public override bool Equals(object? obj) =>
        obj is CardNumberGuard other && other.Mode == Mode && other._exempt.SetEquals(_exempt);

    public override int GetHashCode() => HashCode.Combine(Mode, _exempt.Count);

    public override string ToString() => $"{Mode} (exempt: {string.Join(", ", _exempt.Order(StringComparer.Ordinal))})";
}
