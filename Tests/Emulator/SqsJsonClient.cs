using System.Text.Json.Nodes;

namespace OrdersPipeline.Emulator;

/// <summary>The few SQS calls the pipeline's failure path needs, over the SQS JSON protocol.</summary>
public sealed class SqsJsonClient(Uri endpoint, string region) : AwsJsonClient(endpoint, region, "sqs", "AmazonSQS")
{
    private readonly string _region = region;

    public async Task<string> CreateQueueAsync(string name) =>
        (await CallAsync("CreateQueue", new { QueueName = name }))["QueueUrl"]!.GetValue<string>();

    public async Task SendMessageAsync(string queueUrl, string body) =>
        await CallAsync("SendMessage", new { QueueUrl = queueUrl, MessageBody = body });

    public async Task<string> QueueArnAsync(string queueUrl)
    {
        var response = await CallAsync("GetQueueAttributes", new { QueueUrl = queueUrl, AttributeNames = new[] { "QueueArn" } });
        return response["Attributes"]?["QueueArn"]?.GetValue<string>()
            ?? $"arn:aws:sqs:{_region}:123456789012:{queueUrl[(queueUrl.LastIndexOf('/') + 1)..]}";
    }

    /// <summary>Receives up to 10 messages and returns them as the records of a Lambda SQS event.</summary>
    public async Task<JsonArray> ReceiveAsLambdaRecordsAsync(string queueUrl)
    {
        var queueArn = await QueueArnAsync(queueUrl);
        var response = await CallAsync("ReceiveMessage", new
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = 10,
            AttributeNames = new[] { "All" },
            MessageSystemAttributeNames = new[] { "All" },
            MessageAttributeNames = new[] { "All" },
        });
        var records = new JsonArray();
        foreach (var message in response["Messages"]?.AsArray() ?? [])
        {
            records.Add(new JsonObject
            {
                ["messageId"] = message!["MessageId"]!.GetValue<string>(),
                ["receiptHandle"] = message["ReceiptHandle"]!.GetValue<string>(),
                ["body"] = message["Body"]!.GetValue<string>(),
                ["attributes"] = message["Attributes"]?.DeepClone() ?? new JsonObject(),
                ["messageAttributes"] = new JsonObject(),
                ["md5OfBody"] = message["MD5OfBody"]?.GetValue<string>(),
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = queueArn,
                ["awsRegion"] = _region,
            });
        }
        return records;
    }

    /// <summary>Makes a received message visible again after <paramref name="timeout"/> (zero: at once).</summary>
    public async Task ChangeMessageVisibilityAsync(string queueUrl, string receiptHandle, TimeSpan timeout) =>
        await CallAsync("ChangeMessageVisibility", new
        {
            QueueUrl = queueUrl,
            ReceiptHandle = receiptHandle,
            VisibilityTimeout = (int)timeout.TotalSeconds,
        });

    public async Task DeleteMessageAsync(string queueUrl, string receiptHandle) =>
        await CallAsync("DeleteMessage", new { QueueUrl = queueUrl, ReceiptHandle = receiptHandle });
}
