namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Checks DynamoDB number text against the JSON number grammar (RFC 8259 §6) so it can be written out verbatim:
/// <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>. Numbers never pass through a binary type.
/// </summary>
public static class JsonNumberSyntax
{
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        Span<byte> ascii = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 127)
            {
                return false;
            }

            ascii[i] = (byte)text[i];
        }
        return IsValid(ascii);
    }

    public static bool IsValid(ReadOnlySpan<byte> text) => IsValid(text, out _);

    /// <summary>As <see cref="IsValid(ReadOnlySpan{byte})"/>, also telling whether the number has an exponent.</summary>
    public static bool IsValid(ReadOnlySpan<byte> text, out bool hasExponent)
    {
        hasExponent = false;
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else if (IsDigit(text[i]))
        {
            i = SkipDigits(text, i);
        }
        else
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            i = SkipDigits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            hasExponent = true;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var start = i;
            i = SkipDigits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int SkipDigits(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
}
