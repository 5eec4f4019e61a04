namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Checks number text against DynamoDB's number type: JSON number syntax (so it can be written out verbatim), at most
/// 38 significant digits, and zero or a magnitude from 1E-130 to below 1E+126. The digits are never converted.
/// </summary>
public static class DynamoDbNumber
{
    /// <summary>Null when the text is a DynamoDB number; else why not.</summary>
    public static string? Check(ReadOnlySpan<byte> text)
    {
        if (!JsonNumberSyntax.IsValid(text, out var hasExponent))
        {
            return "is not a valid number.";
        }

        var i = text[0] == '-' ? 1 : 0;

        // Fast path, most numbers: without an exponent, at most 38 digit characters cannot exceed 38 significant
        // digits, and their magnitude lies between 1E-37 and 1E+37, well inside DynamoDB's range.
        if (text.Length - i <= DynamoDbLimits.MaxNumberDigits && !hasExponent)
        {
            return null;
        }

        var integerStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }
        var integerDigits = i - integerStart;

        // First and last non-zero digit over integer and fraction digits, counted as positions in that digit string.
        int first = -1, last = -1, position = 0;
        for (var j = integerStart; j < text.Length && text[j] is not ((byte)'e' or (byte)'E'); j++)
        {
            if (text[j] == '.')
            {
                continue;
            }
            if (text[j] != '0')
            {
                if (first < 0)
                {
                    first = position;
                }
                last = position;
            }
            position++;
        }
        if (first < 0)
        {
            return null; // zero, in any notation
        }

        if (last - first + 1 > DynamoDbLimits.MaxNumberDigits)
        {
            return $"has {last - first + 1} significant digits; DynamoDB numbers have at most " +
                   $"{DynamoDbLimits.MaxNumberDigits}.";
        }

        // The value is d.ddd × 10^(integerDigits - 1 - first + exponent).
        var exponent = Exponent(text);
        var magnitude = exponent is null ? (long?)null : integerDigits - 1L - first + exponent.Value;
        if (magnitude is null or < DynamoDbLimits.MinNumberExponent or > DynamoDbLimits.MaxNumberExponent)
        {
            return $"is out of DynamoDB's number range (magnitudes 1E{DynamoDbLimits.MinNumberExponent} to " +
                   $"below 1E+{DynamoDbLimits.MaxNumberExponent + 1}).";
        }
        return null;
    }

    /// <summary>The exponent after e/E (0 when there is none); null when it is too long to matter.</summary>
    private static long? Exponent(ReadOnlySpan<byte> text)
    {
        var e = text.IndexOfAny((byte)'e', (byte)'E');
        if (e < 0)
        {
            return 0;
        }
        var digits = text[(e + 1)..];
        var negative = digits[0] == '-';
        if (digits[0] is (byte)'-' or (byte)'+')
        {
            digits = digits[1..];
        }
        digits = digits.TrimStart((byte)'0');
        if (digits.Length > 9)
        {
            return null;
        }
        long value = 0;
        foreach (var digit in digits)
        {
            value = value * 10 + (digit - '0');
        }
        return negative ? -value : value;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
}
