using System.Collections.Immutable;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>The API deployment's trigger: the same definitions give the same hash, any change a new one.</summary>
[TestFixture]
public sealed class ApiDeploymentTriggerTests
{
    private static string[] Definition(
        string methodId = "agm-abc-res1-POST", string httpMethod = "POST", bool? apiKeyRequired = true,
        string? validatorId = "val-1", string schema = """{"type":"object"}""", string? uri = "arn:invoke/fn",
        IReadOnlyDictionary<string, string>? responseParameters = null) =>
    [
        ApiDeploymentTrigger.Part("resource.id", "res1"),
        ApiDeploymentTrigger.Part("resource.pathPart", "orders"),
        ApiDeploymentTrigger.Part("model.schema", schema),
        ApiDeploymentTrigger.Part("method.id", methodId),
        ApiDeploymentTrigger.Part("method.httpMethod", httpMethod),
        ApiDeploymentTrigger.Part("method.apiKeyRequired", apiKeyRequired),
        ApiDeploymentTrigger.Part("method.requestValidatorId", validatorId),
        ApiDeploymentTrigger.Part("integration.uri", uri),
        ApiDeploymentTrigger.Part("response.responseParameters", responseParameters
            ?? ImmutableDictionary<string, string>.Empty
                .Add("gatewayresponse.header.X-Request-Id", "context.requestId")
                .Add("gatewayresponse.header.Content-Type", "'application/problem+json'")),
    ];

    [Test]
    public void The_same_definitions_give_the_same_hash()
    {
        var hash = ApiDeploymentTrigger.Hash(Definition());

        Assert.That(ApiDeploymentTrigger.Hash(Definition()), Is.EqualTo(hash));
        Assert.That(hash, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Any_change_to_an_id_or_an_argument_gives_a_new_hash()
    {
        var hashes = new[]
        {
            ApiDeploymentTrigger.Hash(Definition()),
            ApiDeploymentTrigger.Hash(Definition(methodId: "agm-abc-res2-POST")),
            ApiDeploymentTrigger.Hash(Definition(httpMethod: "PUT")),
            ApiDeploymentTrigger.Hash(Definition(apiKeyRequired: false)),
            ApiDeploymentTrigger.Hash(Definition(apiKeyRequired: null)),
            ApiDeploymentTrigger.Hash(Definition(validatorId: null)),
            ApiDeploymentTrigger.Hash(Definition(schema: """{"type":"array"}""")),
            ApiDeploymentTrigger.Hash(Definition(uri: "arn:invoke/other")),
            ApiDeploymentTrigger.Hash(Definition(responseParameters: new Dictionary<string, string>
            {
                ["gatewayresponse.header.X-Request-Id"] = "context.requestId",
            })),
        };

        Assert.That(hashes, Is.Unique);
    }

    [Test]
    public void A_value_moved_to_another_property_gives_a_new_hash()
    {
        var first = ApiDeploymentTrigger.Hash([ApiDeploymentTrigger.Part("a", "x"), ApiDeploymentTrigger.Part("b", "")]);
        var second = ApiDeploymentTrigger.Hash([ApiDeploymentTrigger.Part("a", ""), ApiDeploymentTrigger.Part("b", "x")]);

        Assert.That(first, Is.Not.EqualTo(second));
    }

    // The provider's maps come back in no fixed order (ImmutableDictionary orders by hash code, which changes
    // between processes): the same map in another order must not redeploy.
    [Test]
    public void A_map_hashes_the_same_whatever_order_its_keys_come_in()
    {
        var ordered = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["a"] = "1", ["b"] = "2", ["c"] = "3" };
        var reversed = new Dictionary<string, string> { ["c"] = "3", ["b"] = "2", ["a"] = "1" };

        Assert.That(ApiDeploymentTrigger.Part("m", reversed), Is.EqualTo(ApiDeploymentTrigger.Part("m", ordered)));
        Assert.That(ApiDeploymentTrigger.Part("m", ImmutableDictionary.CreateRange(reversed)),
            Is.EqualTo("""{"m":{"a":"1","b":"2","c":"3"}}"""));
    }

    [Test]
    public void Lists_keep_their_order_and_numbers_and_flags_keep_their_type()
    {
        Assert.That(ApiDeploymentTrigger.Part("l", ImmutableArray.Create("b", "a")), Is.EqualTo("""{"l":["b","a"]}"""));
        Assert.That(ApiDeploymentTrigger.Part("n", 5), Is.EqualTo("""{"n":5}"""));
        Assert.That(ApiDeploymentTrigger.Part("f", true), Is.EqualTo("""{"f":true}"""));
        Assert.That(ApiDeploymentTrigger.Part("z", null), Is.EqualTo("""{"z":null}"""));
    }
}
