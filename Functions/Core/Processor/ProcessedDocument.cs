using System.Buffers;

namespace OrdersPipeline.Functions.Processor;

/// <summary>An enriched document ready to store: its object key, the record id and the UTF-8 JSON body.</summary>
/// <remarks>
/// The batch loop builds its documents into buffers rented from <see cref="ArrayPool{T}.Shared"/>
/// (<see cref="ProcessedDocumentBuilder.BuildPooled"/>) and gives each back once the store has written it
/// (<see cref="Release"/>); <see cref="Content"/> is the body without a copy. <see cref="Body"/> is always safe: for a
/// pooled document it is a copy made on first use.
/// </remarks>
public sealed class ProcessedDocument
{
    private readonly int _length;
    private byte[]? _body;
    private byte[]? _rented;

    public ProcessedDocument(string objectKey, string recordId, byte[] body)
    {
        ObjectKey = objectKey;
        RecordId = recordId;
        _body = body;
        _length = body.Length;
    }

    internal ProcessedDocument(string objectKey, string recordId, byte[] rented, int length)
    {
        ObjectKey = objectKey;
        RecordId = recordId;
        _rented = rented;
        _length = length;
    }

    public string ObjectKey { get; }

    public string RecordId { get; }

    /// <summary>The body as its own array.</summary>
    public byte[] Body => _body ??= Content.ToArray();

    /// <summary>The body, in the pooled buffer while the document holds one.</summary>
    public ReadOnlyMemory<byte> Content =>
        _body ?? (ReadOnlyMemory<byte>)new ReadOnlyMemory<byte>(
            _rented ?? throw new ObjectDisposedException(nameof(ProcessedDocument)), 0, _length);

    /// <summary>The fields whose card numbers were masked (docs/security.md, "Card numbers"); empty for none.</summary>
    public IReadOnlyList<string> MaskedFields { get; init; } = [];

    /// <summary>Body length in bytes.</summary>
    public int Length => _length;

    /// <summary>Gives a pooled buffer back; only once nothing reads the body any more (the write completed).</summary>
    internal void Release()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
