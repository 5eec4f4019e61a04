using System.Text;

namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// The last few distinct values of one event field, as strings made once: <c>eventName</c>, <c>eventSource</c>,
/// <c>awsRegion</c>, the stream ARN and the like repeat in every record of an event, so a record reuses the string
/// instead of allocating its own copy.
/// </summary>
internal sealed class RecentStrings(int capacity)
{
    private readonly byte[]?[] _utf8 = new byte[capacity][];
    private readonly string[] _values = new string[capacity];
    private int _next;

    /// <summary>The string for <paramref name="utf8"/>, which must be valid UTF-8 without escapes.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (_utf8[i] is { } known && utf8.SequenceEqual(known))
            {
                return _values[i];
            }
        }

        var value = Encoding.UTF8.GetString(utf8);
        _utf8[_next] = utf8.ToArray();
        _values[_next] = value;
        _next = (_next + 1) % _utf8.Length;
        return value;
    }
}
