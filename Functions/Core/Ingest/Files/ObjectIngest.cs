using System.Net;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Ingest.Orders;
using OrdersPipeline.Functions.Privacy;

namespace OrdersPipeline.Functions.Ingest.Files;

/// <summary>What reading one object came to: the ingest-log fields, and the failure a retry may fix
/// (<see cref="Transient"/>; null when the object is finished with, failed or not).</summary>
internal sealed record IngestOutcome(string Status, string? Format, string? ContentType, long Read, long Written,
    long Rejected, string? RejectsKey, string? Error, Exception? Transient);

/// <summary>
/// One dropped object read and written (docs/ingest.md, "File ingest"): streamed from S3, each valid order written
/// with BatchWriteItem, the rejects to <c>rejects/&lt;key&gt;.ndjson</c>. A failure the file causes (too large, an
/// extension no reader takes, unreadable, gone) is FAILED and final; any other is FAILED and transient.
/// </summary>
internal sealed class ObjectIngest(IAmazonS3 s3, IAmazonDynamoDB dynamoDb, FileIngestSettings settings)
{
    public async Task<IngestOutcome> RunAsync(DroppedObject dropped)
    {
        var limit = settings.MaxObjectBytes;
        if (dropped.Size > limit)
        {
            return TooLarge(dropped.Size, limit, null, null);
        }

        if (FileFormats.For(dropped.Key) is not var (format, reader))
        {
            return new IngestOutcome(IngestStatus.Failed, null, null, 0, 0, 0, null,
                "The key's extension is not one this door reads (.ndjson, .jsonl, .json, .csv).", null);
        }

        var writer = new OrderBatchWriter(dynamoDb, settings.OrdersTableName);
        await using var rejects = new RejectsFile();
        long read = 0;
        string? contentType = null;
        string? error = null;
        Exception? transient = null;
        try
        {
            using var response = await GetAsync(dropped, eTag: null).ConfigureAwait(false);
            contentType = response.Headers.ContentType;
            if (response.ContentLength > limit)
            {
                return TooLarge(response.ContentLength, limit, format, contentType);
            }

            // A CSV order is written or rejected whole, so the orders whose lines are split are found before any is
            // written: a first pass, then the same content (its ETag) read again.
            var splitOrders = reader is CsvReader
                ? await CsvReader.FindSplitOrdersAsync(response.ResponseStream, CancellationToken.None).ConfigureAwait(false)
                : null;
            using var again = splitOrders is null ? null : await GetAsync(dropped, response.ETag).ConfigureAwait(false);
            if (splitOrders is not null)
            {
                reader = new CsvReader(splitOrders);
            }

            await foreach (var record in reader.ReadAsync((again ?? response).ResponseStream, CancellationToken.None)
                               .ConfigureAwait(false))
            {
                read++;
                var screened = record.Order is { } valid ? settings.CardNumbers.Screen(new OrderValidation(valid, [])) : null;
                if (screened?.Order is { } order)
                {
                    await writer.AddAsync(order.OrderId,
                        OrderItem.Create(order, dropped.UploadedAt, 1, OrderItem.FileSource, dropped.Uri))
                        .ConfigureAwait(false);
                }
                else if (screened is not null)
                {
                    // Refused for a card number: the reject line names the fields, and holds none of the record's text.
                    rejects.Add(FileRecord.Rejected(record.Line, record.LastLine, screened.Problems, raw: null,
                        orderId: CardNumberMasker.Redact(record.Order!.OrderId)));
                }
                else
                {
                    rejects.Add(record);
                }
            }
        }
        catch (IngestFileException unreadable)
        {
            error = unreadable.Message;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            error = "The object (this version) no longer exists.";
        }
        catch (Exception failure)
        {
            transient = failure;
            error = $"{failure.GetType().Name}: {failure.Message}";
        }

        // What was read is written and its rejects kept even when the file breaks off, so the log's counts are exact.
        try
        {
            await writer.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception failure) when (transient is null)
        {
            transient = failure;
            error = $"{failure.GetType().Name}: {failure.Message}";
        }

        string? rejectsKey = null;
        if (rejects.Count > 0 && transient is null)
        {
            rejectsKey = RejectsFile.KeyFor(dropped.Key);
            try
            {
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = dropped.Bucket,
                    Key = rejectsKey,
                    InputStream = rejects.OpenForUpload(),
                    ContentType = RejectsFile.ContentType,
                    AutoCloseStream = false,
                }).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                transient = failure;
                error = $"The rejects file could not be written: {failure.GetType().Name}: {failure.Message}";
                rejectsKey = null;
            }
        }

        var status = error is not null ? IngestStatus.Failed
            : rejects.Count > 0 ? IngestStatus.CompletedWithRejects
            : IngestStatus.Completed;
        return new IngestOutcome(status, format, contentType, read, writer.Written, rejects.Count, rejectsKey, error,
            transient);
    }

    private Task<GetObjectResponse> GetAsync(DroppedObject dropped, string? eTag) =>
        s3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = dropped.Bucket,
            Key = dropped.Key,
            VersionId = dropped.VersionId == DroppedObject.NoVersion ? null : dropped.VersionId,
            EtagToMatch = eTag,
        });

    private static IngestOutcome TooLarge(long size, long limit, string? format, string? contentType) =>
        new(IngestStatus.Failed, format, contentType, 0, 0, 0, null,
            $"The object has {size} bytes; the limit is {limit} ({FileIngestEnvironment.MaxObjectMb.Name}). "
            + "Nothing of it was written.", null);
}
