namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>
/// Money as exact decimal text: <c>-?(0|[1-9][0-9]*)(\.[0-9]{1,2})?</c>, up to
/// <see cref="OrderLimits.MaxMoneyIntegerDigits"/> integer digits. The text is kept as sent (so <c>129.90</c> stays
/// <c>129.90</c>) and stored as a DynamoDB number; it never passes through <c>double</c> or <c>decimal</c>.
/// </summary>
public static class ExactDecimal
{
    /// <summary>Null when <paramref name="text"/> is exact money text, else the reason in words.</summary>
    public static string? Check(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerDigits = i - integerStart;
        if (integerDigits == 0)
        {
            return "must be a decimal number such as 12.50";
        }

        if (integerDigits > 1 && text[integerStart] == '0')
        {
            return "must not have leading zeros";
        }

        if (integerDigits > OrderLimits.MaxMoneyIntegerDigits)
        {
            return $"must have at most {OrderLimits.MaxMoneyIntegerDigits} digits before the decimal point";
        }

        if (i == text.Length)
        {
            return null;
        }

        if (text[i] != '.')
        {
            return text[i] is 'e' or 'E'
                ? "must be a plain decimal without an exponent"
                : "must be a decimal number such as 12.50";
        }

        i++;
        var fractionStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var fractionDigits = i - fractionStart;
        if (fractionDigits == 0)
        {
            return "must have digits after the decimal point";
        }

        if (i != text.Length)
        {
            return text[i] is 'e' or 'E'
                ? "must be a plain decimal without an exponent"
                : "must be a decimal number such as 12.50";
        }

        return fractionDigits > OrderLimits.MaxMoneyFractionDigits
            ? $"must have at most {OrderLimits.MaxMoneyFractionDigits} digits after the decimal point"
            : null;
    }

    public static bool IsNegative(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] == '-' && text[1..].IndexOfAnyExcept("0.") >= 0;
}
