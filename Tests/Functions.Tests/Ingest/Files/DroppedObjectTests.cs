using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Ingest.Files;

namespace OrdersPipeline.Functions.Tests.Ingest.Files;

/// <summary>What the door makes of one notification record: the key decoded as S3 encodes it, the version, the
/// upload time.</summary>
public sealed class DroppedObjectTests
{
    private static ObjectNotification Notification(string? key, string? versionId = null) =>
        new("ObjectCreated:Put", new DateTime(2026, 11, 23, 9, 11, 40, 27), "drop", key, versionId, 12, "etag");

    [TestCase("incoming/orders.csv", "incoming/orders.csv")]
    [TestCase("incoming/partner+feed%2B1.csv", "incoming/partner feed+1.csv")]
    [TestCase("incoming/a%20b%3Dc%26d.ndjson", "incoming/a b=c&d.ndjson")]
    [TestCase("incoming/%C3%A9t%C3%A9/%E4%B8%AD.json", "incoming/été/中.json")]
    [TestCase("incoming/100%25.csv", "incoming/100%.csv")]
    [TestCase("incoming/%zz.csv", "incoming/%zz.csv")]
    public void The_key_is_form_url_decoded(string encoded, string key) =>
        Assert.That(DroppedObject.From(Notification(encoded)).Key, Is.EqualTo(key));

    [TestCase(null, "null")]
    [TestCase("", "null")]
    [TestCase("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd", "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd")]
    public void An_unversioned_object_has_s3s_literal_null_version(string? versionId, string expected)
    {
        var dropped = DroppedObject.From(Notification("incoming/a b.csv", versionId));
        Assert.Multiple(() =>
        {
            Assert.That(dropped.VersionId, Is.EqualTo(expected));
            Assert.That(dropped.Uri, Is.EqualTo(expected == DroppedObject.NoVersion
                ? "s3://drop/incoming/a b.csv"
                : $"s3://drop/incoming/a b.csv?versionId={expected}"));
        });
    }

    [Test]
    public void The_event_time_is_the_upload_time_in_utc()
    {
        var dropped = DroppedObject.From(Notification("incoming/a.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(dropped.UploadedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 9, 11, 40, 27, TimeSpan.Zero)));
            Assert.That(dropped.Size, Is.EqualTo(12));
            Assert.That(dropped.ETag, Is.EqualTo("etag"));
            Assert.That(dropped.EventName, Is.EqualTo("ObjectCreated:Put"));
        });
    }

    [Test]
    public void A_record_without_an_event_name_has_an_empty_one() =>
        Assert.That(DroppedObject.From(Notification("incoming/a.csv") with { EventName = null }).EventName, Is.Empty);

    [TestCase(null)]
    [TestCase("")]
    public void A_record_without_a_key_is_not_an_object(string? key) =>
        Assert.That(() => DroppedObject.From(Notification(key)),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains("no bucket or no object key"));
}
