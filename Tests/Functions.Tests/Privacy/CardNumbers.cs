using System.Text;
using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Tests.Privacy;

/// <summary>Card numbers for tests: a brand's prefix filled to a length with seeded random digits and the Luhn check
/// digit.</summary>
internal static class CardNumbers
{
    /// <summary>Luhn-valid, distinctive digits (no run of five repeats anything in the tests' fixed output).</summary>
    public const string Visa = "4929837561029385";

    /// <summary>The brands' IIN prefixes (lowest and highest of each range) and every length each issues.</summary>
    public static readonly (string Brand, string Prefix, int[] Lengths)[] Issued =
    [
        ("Visa", "4", [13, 16, 19]),
        ("Mastercard", "51", [16]), ("Mastercard", "55", [16]),
        ("Mastercard", "2221", [16]), ("Mastercard", "2720", [16]),
        ("American Express", "34", [15]), ("American Express", "37", [15]),
        ("Discover", "6011", [16, 17, 18, 19]), ("Discover", "644", [16, 17, 18, 19]),
        ("Discover", "649", [16, 17, 18, 19]), ("Discover", "65", [16, 17, 18, 19]),
        ("Discover", "622126", [16, 17, 18, 19]), ("Discover", "622925", [16, 17, 18, 19]),
        ("JCB", "3528", [16, 17, 18, 19]), ("JCB", "3589", [16, 17, 18, 19]),
        ("Diners Club", "300", [14, 15, 16, 17, 18, 19]), ("Diners Club", "305", [14, 15, 16, 17, 18, 19]),
        ("Diners Club", "3095", [14, 15, 16, 17, 18, 19]), ("Diners Club", "36", [14, 15, 16, 17, 18, 19]),
        ("Diners Club", "38", [14, 15, 16, 17, 18, 19]), ("Diners Club", "39", [14, 15, 16, 17, 18, 19]),
        ("UnionPay", "62", [16, 17, 18, 19]),
    ];

    /// <summary>A Luhn-valid number of <paramref name="length"/> digits starting with <paramref name="prefix"/>.</summary>
    public static string Make(string prefix, int length, int seed = 7)
    {
        var random = new Random(seed);
        var digits = new StringBuilder(prefix);
        while (digits.Length < length - 1)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        for (var check = '0'; check <= '9'; check++)
        {
            if (CardNumberDetector.PassesLuhn(digits + check.ToString()))
            {
                return digits.Append(check).ToString();
            }
        }

        throw new InvalidOperationException("unreachable: one check digit always passes");
    }

    /// <summary>The same number with its last digit changed, so it fails the Luhn check.</summary>
    public static string BreakLuhn(string number) =>
        number[..^1] + (char)('0' + (number[^1] - '0' + 1) % 10);

    /// <summary>Every five-digit run of <paramref name="number"/> that reaches before its last four digits.</summary>
    public static IEnumerable<string> LeakingRuns(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        for (var start = 0; start + 5 <= digits.Length; start++)
        {
            yield return digits.Substring(start, 5);
        }
    }

    /// <summary>Asserts no digit run of <paramref name="number"/> beyond its last four appears in
    /// <paramref name="output"/>, read as is and with spaces and hyphens taken out.</summary>
    public static void AssertNoLeak(string number, string output, string what)
    {
        var squeezed = output.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var run in LeakingRuns(number))
        {
            Assert.That(output, Does.Not.Contain(run), $"{what} holds digits {run} of the card number");
            Assert.That(squeezed, Does.Not.Contain(run), $"{what} holds digits {run} of the card number (separated)");
        }
    }
}
