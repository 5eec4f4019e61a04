namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// Orders DynamoDB stream sequence numbers: decimal strings of varying length, so they compare as numbers (more digits
/// is larger, then digit by digit), never as text ("9" &lt; "10").
/// </summary>
public static class SequenceNumbers
{
    /// <summary>Whether the text is a sequence number: one or more ASCII digits.</summary>
    public static bool IsWellFormed(string? sequenceNumber) =>
        !string.IsNullOrEmpty(sequenceNumber) && !sequenceNumber.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>Negative when <paramref name="left"/> is older than <paramref name="right"/>, zero when they are the
    /// same number (leading zeros ignored), positive when it is newer.</summary>
    public static int Compare(string left, string right)
    {
        var a = left.AsSpan().TrimStart('0');
        var b = right.AsSpan().TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(a.SequenceCompareTo(b));
    }
}
