using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>
/// For a small file of each format with good and bad records (Fixtures/pinned/files/orders.*), the ingest-log item,
/// the rejects file and the order items written are exactly the committed goldens beside it.
/// </summary>
public sealed class FileIngestPinnedTests
{
    [TestCase("orders.ndjson", "application/x-ndjson")]
    [TestCase("orders.csv", "text/csv")]
    [TestCase("orders.json", "application/json")]
    public async Task A_dropped_file_gives_the_pinned_log_item_rejects_file_and_orders(string file, string contentType)
    {
        var drop = new DropBucket();
        var key = "incoming/" + file;
        var content = Pinned.Input("files/" + file);
        drop.Drop(key, content, contentType);

        await drop.Service(new CapturedLog()).HandleAsync(
            [DropBucket.Created(key, size: System.Text.Encoding.UTF8.GetByteCount(content), versionId: "v-" + file)],
            Invocations.Create(requestId: "req-" + file));

        var rejects = drop.Puts.Single();
        Assert.That(rejects.Key, Is.EqualTo("rejects/" + key + ".ndjson"));
        Pinned.Matches($"files/{file}.ingest-log.json", ItemJson.Write(drop.LogItem(key)));
        Pinned.Matches($"files/{file}.rejects.ndjson", rejects.Body);
        Pinned.Matches($"files/{file}.orders.json", ItemJson.Write(drop.Orders));
    }
}
