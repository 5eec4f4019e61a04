using System.Buffers;

namespace OrdersPipeline.Functions.Privacy;

/// <summary>Where a payment card number sits in a text: its first digit, its extent up to and including the last
/// digit (separators inside it counted), and how many digits it has.</summary>
public readonly record struct CardNumberMatch(int Start, int Length, int Digits)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds primary account numbers (PANs) in text (docs/security.md, "Card numbers"): 13 to 19 digits, optionally
/// split into groups by single spaces or hyphens, that pass the Luhn check and start in a major brand's IIN range
/// with a length that brand issues. Digits glued to a letter, or part of a longer run of digits, are not a PAN.
/// </summary>
/// <remarks>
/// One pass, no regular expression and no allocation: the scan jumps to the next digit (vectorised), reads its run
/// of digit groups, and only a run of at least 13 digits is looked at further. Within such a run a PAN starts at a
/// group's first digit and ends at a group's last digit; from each group's end the Luhn sum is taken backwards over
/// at most 19 digits, so "qty 2 4111 1111 1111 1111" still finds the card.
/// </remarks>
public static class CardNumberDetector
{
    public const int MinDigits = 13;
    public const int MaxDigits = 19;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static bool Contains(ReadOnlySpan<char> text) => TryFind(text, 0, out _);

    /// <summary>The first card number that starts at or after <paramref name="from"/>.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, int from, out CardNumberMatch match)
    {
        var position = from;
        while (position < text.Length)
        {
            var next = text[position..].IndexOfAny(Digits);
            if (next < 0)
            {
                break;
            }

            var runStart = position + next;
            var runEnd = runStart;
            var digits = 0;
            while (true)
            {
                while (runEnd < text.Length && char.IsAsciiDigit(text[runEnd]))
                {
                    runEnd++;
                    digits++;
                }

                if (runEnd + 1 < text.Length && IsSeparator(text[runEnd]) && char.IsAsciiDigit(text[runEnd + 1]))
                {
                    runEnd++;
                    continue;
                }

                break;
            }

            if (digits >= MinDigits && FindInRun(text, runStart, runEnd, out match))
            {
                return true;
            }

            position = runEnd;
        }

        match = default;
        return false;
    }

    /// <summary>True when the first six digits and the length are those of a card a major brand issues.</summary>
    /// <remarks>
    /// Ranges and lengths from the IIN table of Wikipedia's "Payment card number" article
    /// (https://en.wikipedia.org/wiki/Payment_card_number#Issuer_identification_number_(IIN)), which cites the
    /// brands' own documents (e.g. Mastercard's 2-series 2221–2720 from 2017, Discover's IIN ranges for
    /// Discover, Diners Club and UnionPay acceptance).
    /// </remarks>
    public static bool IsIssued(int iin, int length)
    {
        int two = iin / 10_000, three = iin / 1_000, four = iin / 100;
        return (iin / 100_000 == 4 && length is 13 or 16 or 19) // Visa (Visa Electron is inside 4)
            || ((two is >= 51 and <= 55 || four is >= 2221 and <= 2720) && length == 16) // Mastercard
            || (two is 34 or 37 && length == 15) // American Express
            || ((four == 6011 || three is >= 644 and <= 649 || two == 65 || iin is >= 622126 and <= 622925)
                && length is >= 16 and <= 19) // Discover
            || (four is >= 3528 and <= 3589 && length is >= 16 and <= 19) // JCB
            || ((three is >= 300 and <= 305 || four == 3095 || two is 36 or 38 or 39)
                && length is >= 14 and <= 19) // Diners Club International (Carte Blanche 300–305)
            || (two == 62 && length is >= 16 and <= 19); // UnionPay
    }

    /// <summary>True when the digits pass the Luhn check (the last digit is the check digit).</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var index = digits.Length - 1; index >= 0; index--)
        {
            if (!char.IsAsciiDigit(digits[index]))
            {
                continue;
            }

            sum += LuhnValue(digits[index] - '0', doubled);
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    public static bool IsSeparator(char c) => c is ' ' or '-';

    /// <summary>The first PAN inside one run of digit groups (<paramref name="runStart"/> to
    /// <paramref name="runEnd"/>), by its end: for each group's end, the windows ending there from the shortest.</summary>
    private static bool FindInRun(ReadOnlySpan<char> text, int runStart, int runEnd, out CardNumberMatch match)
    {
        var gluedLeft = runStart > 0 && char.IsLetter(text[runStart - 1]);
        var gluedRight = runEnd < text.Length && char.IsLetter(text[runEnd]);
        for (var end = runStart + 1; end <= runEnd; end++)
        {
            if (end < runEnd && !IsSeparator(text[end]))
            {
                continue; // not the end of a group
            }

            if (end == runEnd && gluedRight)
            {
                break;
            }

            var sum = 0;
            var digits = 0;
            for (var at = end - 1; at >= runStart && digits < MaxDigits; at--)
            {
                var c = text[at];
                if (IsSeparator(c))
                {
                    continue;
                }

                sum += LuhnValue(c - '0', doubled: digits % 2 == 1);
                digits++;
                var groupStart = at == runStart || IsSeparator(text[at - 1]);
                if (groupStart && digits >= MinDigits && sum % 10 == 0 && !(at == runStart && gluedLeft) &&
                    IsIssued(Iin(text, at), digits))
                {
                    match = new CardNumberMatch(at, end - at, digits);
                    return true;
                }
            }
        }

        match = default;
        return false;
    }

    /// <summary>The first six digits from <paramref name="start"/>, separators skipped.</summary>
    private static int Iin(ReadOnlySpan<char> text, int start)
    {
        var iin = 0;
        for (int at = start, taken = 0; taken < 6; at++)
        {
            if (char.IsAsciiDigit(text[at]))
            {
                iin = iin * 10 + (text[at] - '0');
                taken++;
            }
        }

        return iin;
    }

    private static int LuhnValue(int digit, bool doubled) =>
        !doubled ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
}
