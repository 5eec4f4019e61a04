using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class AttributeDiffTests
{
    private static IReadOnlyList<string> Changed(string newImage, string oldImage) =>
        AttributeDiff.ChangedAttributes(Fixtures.Json(newImage), Fixtures.Json(oldImage));

    [Test]
    public void Names_changed_added_and_removed_attributes_in_ordinal_order() =>
        Assert.That(Changed(
                """{"id":{"S":"1"},"paid":{"BOOL":true},"added":{"N":"1"},"Total":{"N":"5"}}""",
                """{"id":{"S":"1"},"paid":{"BOOL":false},"removed":{"S":"x"},"Total":{"N":"5"}}"""),
            Is.EqualTo(new[] { "added", "paid", "removed" }));

    [Test]
    public void A_type_change_with_the_same_text_is_a_change() =>
        Assert.That(Changed("""{"v":{"N":"1"}}""", """{"v":{"S":"1"}}"""), Is.EqualTo(new[] { "v" }));

    [Test]
    public void Sets_compare_without_regard_to_order() => Assert.Multiple(() =>
    {
        Assert.That(Changed("""{"t":{"SS":["a","b"]}}""", """{"t":{"SS":["b","a"]}}"""), Is.Empty);
        Assert.That(Changed("""{"t":{"SS":["a","b"]}}""", """{"t":{"SS":["a","c"]}}"""), Is.EqualTo(new[] { "t" }));
    });

    [Test]
    public void Nested_maps_compare_by_content_and_lists_by_position() => Assert.Multiple(() =>
    {
        Assert.That(Changed("""{"m":{"M":{"a":{"N":"1"},"b":{"S":"x"}}}}""", """{"m":{"M":{"b":{"S":"x"},"a":{"N":"1"}}}}"""), Is.Empty);
        Assert.That(Changed("""{"m":{"M":{"a":{"N":"1"}}}}""", """{"m":{"M":{"a":{"N":"2"}}}}"""), Is.EqualTo(new[] { "m" }));
        Assert.That(Changed("""{"l":{"L":[{"N":"1"},{"N":"2"}]}}""", """{"l":{"L":[{"N":"2"},{"N":"1"}]}}"""), Is.EqualTo(new[] { "l" }));
    });

    [Test]
    public void Identical_images_have_no_changed_attributes() =>
        Assert.That(Changed("""{"a":{"L":[{"M":{"x":{"NULL":true}}}]}}""", """{"a":{"L":[{"M":{"x":{"NULL":true}}}]}}"""), Is.Empty);
}
