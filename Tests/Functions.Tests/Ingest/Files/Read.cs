using System.Text;
using OrdersPipeline.Functions.Ingest.Files;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>Runs a reader over text, through a stream that hands out few bytes at a time so every buffer edge is
/// crossed.</summary>
internal static class Read
{
    public static async Task<List<FileRecord>> AllAsync(IOrderFileReader reader, string text, int chunk = 7)
    {
        var records = new List<FileRecord>();
        await foreach (var record in reader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
