using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class AttributeDiffTests
{
    private static IReadOnlyList<string> Changed(string newImage, string oldImage) =>
        AttributeDiff.ChangedAttributes(StreamFixtures.Image(newImage), StreamFixtures.Image(oldImage));

    [Test]
    public void Names_changed_added_and_removed_attributes_in_ordinal_order() =>
        Assert.That(Changed(
                """{"id":{"S":"1"},"paid":{"BOOL":true},"added":{"N":"1"},"Total":{"N":"5"}}""",
                """{"id":{"S":"1"},"paid":{"BOOL":false},"removed":{"S":"x"},"Total":{"N":"5"}}"""),
            Is.EqualTo(new[] { "added", "paid", "removed" }));

    [Test]
    public void A_type_change_with_the_same_text_is_a_change() => Assert.Multiple(() =>
    {
        Assert.That(Changed("""{"v":{"N":"1"}}""", """{"v":{"S":"1"}}"""), Is.EqualTo(new[] { "v" }));
        Assert.That(Changed("""{"v":{"BOOL":true}}""", """{"v":{"S":"true"}}"""), Is.EqualTo(new[] { "v" }));
        Assert.That(Changed("""{"v":{"NULL":true}}""", """{"v":{"BOOL":true}}"""), Is.EqualTo(new[] { "v" }));
        Assert.That(Changed("""{"v":{"SS":["1"]}}""", """{"v":{"NS":["1"]}}"""), Is.EqualTo(new[] { "v" }));
    });

    [Test]
    public void Numbers_compare_by_their_text() =>
        Assert.That(Changed("""{"a":{"N":"1.50"}}""", """{"a":{"N":"1.5"}}"""), Is.EqualTo(new[] { "a" }));

    [Test]
    public void Sets_compare_without_regard_to_order() => Assert.Multiple(() =>
    {
        Assert.That(Changed("""{"t":{"SS":["a","b"]}}""", """{"t":{"SS":["b","a"]}}"""), Is.Empty);
        Assert.That(Changed("""{"t":{"SS":["a","b"]}}""", """{"t":{"SS":["a","c"]}}"""), Is.EqualTo(new[] { "t" }));
        Assert.That(Changed("""{"t":{"SS":["a","b"]}}""", """{"t":{"SS":["a"]}}"""), Is.EqualTo(new[] { "t" }));
        Assert.That(Changed("""{"n":{"NS":["1","2.5"]}}""", """{"n":{"NS":["2.5","1"]}}"""), Is.Empty);
        Assert.That(Changed("""{"b":{"BS":["AAEC","AwQF"]}}""", """{"b":{"BS":["AwQF","AAEC"]}}"""), Is.Empty);
        Assert.That(Changed("""{"b":{"BS":["AAEC"]}}""", """{"b":{"BS":["AwQF"]}}"""), Is.EqualTo(new[] { "b" }));
    });

    [Test]
    public void Binary_values_compare_by_their_bytes() => Assert.Multiple(() =>
    {
        Assert.That(Changed("""{"b":{"B":"AAEC"}}""", """{"b":{"B":"AAEC"}}"""), Is.Empty);
        Assert.That(Changed("""{"b":{"B":"AAEC"}}""", """{"b":{"B":"AwQF"}}"""), Is.EqualTo(new[] { "b" }));
    });

    [Test]
    public void Nested_maps_compare_by_content_and_lists_by_position() => Assert.Multiple(() =>
    {
        Assert.That(Changed("""{"m":{"M":{"a":{"N":"1"},"b":{"S":"x"}}}}""", """{"m":{"M":{"b":{"S":"x"},"a":{"N":"1"}}}}"""), Is.Empty);
        Assert.That(Changed("""{"m":{"M":{"a":{"N":"1"}}}}""", """{"m":{"M":{"a":{"N":"2"}}}}"""), Is.EqualTo(new[] { "m" }));
        Assert.That(Changed("""{"m":{"M":{"a":{"N":"1"}}}}""", """{"m":{"M":{"a":{"N":"1"},"b":{"N":"1"}}}}"""), Is.EqualTo(new[] { "m" }));
        Assert.That(Changed("""{"l":{"L":[{"N":"1"},{"N":"2"}]}}""", """{"l":{"L":[{"N":"2"},{"N":"1"}]}}"""), Is.EqualTo(new[] { "l" }));
        Assert.That(Changed("""{"l":{"L":[{"N":"1"}]}}""", """{"l":{"L":[{"N":"1"},{"N":"1"}]}}"""), Is.EqualTo(new[] { "l" }));
    });

    [Test]
    public void Identical_images_have_no_changed_attributes() =>
        Assert.That(Changed("""{"a":{"L":[{"M":{"x":{"NULL":true}}}]}}""", """{"a":{"L":[{"M":{"x":{"NULL":true}}}]}}"""), Is.Empty);
}
