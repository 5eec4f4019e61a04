namespace OrdersPipeline.Functions.Processor;

/// <summary>
/// A growable byte buffer with the few appends the hand-written scanners need, reused per thread: cheaper per call
/// than <see cref="System.Buffers.IBufferWriter{T}"/>'s GetSpan/Advance pair for one- and two-byte writes.
/// </summary>
internal sealed class ByteBuffer(int capacity)
{
    private byte[] _bytes = new byte[capacity];
    private int _length;

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Append(byte value)
    {
        if (_length == _bytes.Length)
        {
            Grow(1);
        }
        _bytes[_length++] = value;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _bytes.Length - _length)
        {
            Grow(bytes.Length);
        }
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Grow(int needed)
    {
        var bigger = new byte[Math.Max(_bytes.Length * 2, _length + needed)];
        Written.CopyTo(bigger);
        _bytes = bigger;
    }
}
