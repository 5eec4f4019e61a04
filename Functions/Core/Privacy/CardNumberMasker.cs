namespace OrdersPipeline.Functions.Privacy;

/// <summary>
/// Rewrites the card numbers in a text (<see cref="CardNumberDetector"/>), leaving everything else as it is. Each
/// hidden digit becomes <see cref="MaskChar"/>; separators stay, so the number keeps its shape. A text without a
/// card number comes back as the same instance, with nothing allocated.
/// </summary>
public static class CardNumberMasker
{
    public const char MaskChar = '*';

    /// <summary>Every card number cut to its first six and last four digits (the most PCI DSS allows to be
    /// shown): <c>4111 11** **** 1111</c>.</summary>
    public static string Mask(string text) => Rewrite(text, keepFirst: 6);

    /// <summary>Every card number cut to its last four digits, for text that is echoed back (a rejects file's record):
    /// <c>**** **** **** 1111</c>.</summary>
    public static string Redact(string text) => Rewrite(text, keepFirst: 0);

    private static string Rewrite(string text, int keepFirst)
    {
        if (!CardNumberDetector.TryFind(text, 0, out var first))
        {
            return text;
        }

        var chars = text.ToCharArray();
        var match = first;
        do
        {
            var seen = 0;
            for (var at = match.Start; at < match.End; at++)
            {
                if (!char.IsAsciiDigit(chars[at]))
                {
                    continue;
                }

                if (seen >= keepFirst && seen < match.Digits - 4)
                {
                    chars[at] = MaskChar;
                }

                seen++;
            }
        }
        while (CardNumberDetector.TryFind(text, match.End, out match));

        return new string(chars);
    }
}
