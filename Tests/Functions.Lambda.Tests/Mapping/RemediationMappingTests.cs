using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.CloudWatchEvents;
using Amazon.S3;
using Moq;
using OrdersPipeline.Functions.Contracts;
using OrdersPipeline.Functions.Remediation;
using OrdersPipeline.Functions.Tests.Remediation;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Mapping;

/// <summary>A GuardDuty finding event through the Lambda serializer and <see cref="RemediationFunction"/> gets the
/// report and audit item the core gives for the same event.</summary>
public sealed class RemediationMappingTests
{
    private readonly List<PutItemRequest> _puts = [];

    private RemediationService Service()
    {
        var dynamoDb = new Mock<IAmazonDynamoDB>(MockBehavior.Strict);
        dynamoDb.Setup(d => d.PutItemAsync(It.IsAny<PutItemRequest>(), It.IsAny<CancellationToken>()))
            .Callback((PutItemRequest request, CancellationToken _) => _puts.Add(request))
            .ReturnsAsync(new PutItemResponse());
        return new RemediationService(new Mock<IAmazonS3>(MockBehavior.Strict).Object, dynamoDb.Object, Samples.Settings,
            new FixedTime(), new CapturedLog().Log);
    }

    [TestCase(Samples.StackRoleAccessKey)]
    [TestCase(Samples.OtherRoleAccessKey)]
    [TestCase(Samples.LoggingDisabledOtherBucket)]
    public async Task The_package_event_gets_the_report_and_item_the_core_gives_for_the_same_json(string sample)
    {
        var json = Fixtures.Text(sample);
        var viaPackage = await new RemediationFunction(Service())
            .HandleAsync(Lambda.Event<CloudWatchEvent<GuardDutyFinding>>(json), Lambda.Context());
        var viaCore = await Service().HandleAsync(FindingFixtures.Event(json), Support.Invocations.Create());

        var items = _puts.Select(p => ItemJson.Write(p.Item)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Lambda.Response(viaPackage), Is.EqualTo(Lambda.Response(viaCore)));
            Assert.That(items, Has.Count.EqualTo(sample == Samples.StackRoleAccessKey ? 2 : 0), "one item per path, if any");
            Assert.That(items.Distinct(), Has.Count.AtMost(1), "both paths store the same item");
        });
    }

    [Test]
    public void An_event_from_another_source_reaches_the_core_as_it_came() =>
        Assert.That(async () => await new RemediationFunction(Service()).HandleAsync(
                Lambda.Event<CloudWatchEvent<GuardDutyFinding>>("""{"id":"e-1","source":"aws.s3","detail":{"id":"x"}}"""),
                Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains("only accepts aws.guardduty events"));

    [Test]
    public void A_null_event_reaches_the_core_as_null() =>
        Assert.That(async () => await new RemediationFunction(Service()).HandleAsync(null!, Lambda.Context()),
            Throws.TypeOf<InvalidEventException>().With.Message.Contains("not an EventBridge event"));
}
