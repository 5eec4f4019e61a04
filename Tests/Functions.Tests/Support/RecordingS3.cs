using System.Collections.Concurrent;
using Amazon.S3;
using Amazon.S3.Model;
using Moq;

namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>
/// A mocked S3 client that records every PutObject (key, body, order of completion) and fails the keys a
/// test chooses. An optional delay per call lets concurrent writes interleave.
/// </summary>
internal sealed class RecordingS3
{
    private readonly ConcurrentQueue<(string Key, string Body)> _puts = new();
    private int _inFlight;

    public RecordingS3(Func<string, bool>? fails = null, Func<string, TimeSpan>? delay = null)
    {
        Mock.Setup(s3 => s3.PutObjectAsync(It.IsAny<PutObjectRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (PutObjectRequest request, CancellationToken ct) =>
            {
                var concurrent = Interlocked.Increment(ref _inFlight);
                InterlockedMax(ref _maxInFlight, concurrent);
                try
                {
                    var body = await new StreamReader(request.InputStream).ReadToEndAsync(ct);
                    if (delay is not null)
                    {
                        await Task.Delay(delay(request.Key), ct);
                    }

                    if (fails?.Invoke(request.Key) == true)
                    {
                        throw new AmazonS3Exception($"Injected failure for {request.Key}");
                    }

                    Assert.That(request.BucketName, Is.EqualTo("test-bucket"));
                    Assert.That(request.ContentType, Is.EqualTo("application/json"));
                    _puts.Enqueue((request.Key, body));
                    return new PutObjectResponse();
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            });
    }

    private int _maxInFlight;

    public Mock<IAmazonS3> Mock { get; } = new(MockBehavior.Strict);

    public IReadOnlyList<(string Key, string Body)> Puts => [.. _puts];

    public int MaxConcurrentPuts => Volatile.Read(ref _maxInFlight);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
