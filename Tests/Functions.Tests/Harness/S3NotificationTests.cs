using OrdersPipeline.Emulator;

namespace OrdersPipeline.Functions.Tests.Harness;

/// <summary>The harness's S3 notification and API Gateway request: what S3 and API Gateway send, as the Lambda layer
/// hands it to the core.</summary>
public sealed class S3NotificationTests
{
    [Test]
    public void The_key_is_url_encoded_as_s3_sends_it_and_decodes_back()
    {
        var at = new DateTimeOffset(2026, 11, 23, 13, 20, 40, TimeSpan.Zero).AddTicks(8_176_543);
        var notification = S3Notification.ObjectCreated("drop", "incoming/partner feed+1 ü.csv", 42, "\"abc\"", "v-1", at);
        Assert.Multiple(() =>
        {
            Assert.That(notification.EventName, Is.EqualTo("ObjectCreated:Put"));
            Assert.That(notification.Key, Is.EqualTo("incoming/partner+feed%2B1+%C3%BC.csv"));
            Assert.That(S3Notification.KeyOf(notification), Is.EqualTo("incoming/partner feed+1 ü.csv"));
            Assert.That(notification.ETag, Is.EqualTo("abc"), "S3 sends the ETag without quotes");
            Assert.That(notification.EventTime, Is.EqualTo(new DateTime(2026, 11, 23, 13, 20, 40, 817, DateTimeKind.Utc)),
                "to the millisecond, as S3 writes eventTime");
            Assert.That(notification.EventTime.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That((notification.Bucket, notification.VersionId, notification.Size), Is.EqualTo(("drop", "v-1", 42L)));
        });
    }

    [Test]
    public void A_post_carries_the_gateway_request_id_and_if_match_only_when_given()
    {
        var plain = ApiGatewayRequests.PostOrder("{}", "gw-1");
        var conditional = ApiGatewayRequests.PostOrder("{}", "gw-2", ifMatch: "\"3\"");
        Assert.Multiple(() =>
        {
            Assert.That((plain.Method, plain.Body, plain.IsBase64Encoded, plain.GatewayRequestId), Is.EqualTo(("POST", "{}", false, "gw-1")));
            Assert.That(plain.Headers!.ContainsKey("If-Match"), Is.False);
            Assert.That(plain.Headers["Content-Type"], Is.EqualTo("application/json"));
            Assert.That(conditional.Headers!["If-Match"], Is.EqualTo("\"3\""));
        });
    }
}
