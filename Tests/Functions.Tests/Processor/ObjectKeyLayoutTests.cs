using System.Security.Cryptography;
using System.Text;
using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class ObjectKeyLayoutTests
{
    [Test]
    public void Key_is_dated_by_the_record_creation_time_in_utc()
    {
        var createdAt = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(-5)); // 2026-11-23 04:30 UTC
        Assert.That(ObjectKeyLayout.Build("processed-data", createdAt, "o-1001"),
            Is.EqualTo("processed-data/2026/11/23/o-1001.json"));
    }

    [TestCase("o-1001")]
    [TestCase("ORDER_2026.v2")]
    [TestCase("...")]
    [TestCase("a")]
    public void Plain_ids_are_used_as_they_are(string id) => Assert.That(ObjectKeyLayout.SafeId(id), Is.EqualTo(id));

    [TestCase("a/b", "a%2Fb")]
    [TestCase("../etc/passwd", "..%2Fetc%2Fpasswd")]
    [TestCase("order 1", "order%201")]
    [TestCase("Zürich", "Z%C3%BCrich")]
    [TestCase("注文", "%E6%B3%A8%E6%96%87")]
    [TestCase("a~b", "a~b")]
    [TestCase("100%", "100%25")]
    [TestCase(".", "%2E")]
    [TestCase("..", "%2E%2E")]
    public void Other_ids_are_percent_encoded(string id, string expected) =>
        Assert.That(ObjectKeyLayout.SafeId(id), Is.EqualTo(expected));

    [Test]
    public void A_200_character_plain_id_is_kept_and_a_201_character_one_is_hashed()
    {
        var exactly200 = new string('x', 200);
        var id201 = new string('x', 201);
        Assert.Multiple(() =>
        {
            Assert.That(ObjectKeyLayout.SafeId(exactly200), Is.EqualTo(exactly200));
            Assert.That(ObjectKeyLayout.SafeId(id201), Is.EqualTo(Sha256Name(id201)));
        });
    }

    [Test]
    public void A_1000_character_id_gets_a_deterministic_hash_name()
    {
        var id = string.Concat(Enumerable.Repeat("ü/ ", 334))[..1000];
        var first = ObjectKeyLayout.SafeId(id);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(Sha256Name(id)));
            Assert.That(first, Does.Match("^sha256-[0-9a-f]{64}$"));
            Assert.That(ObjectKeyLayout.SafeId(id), Is.EqualTo(first));
            Assert.That(ObjectKeyLayout.SafeId(id + "!"), Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void An_encoding_that_grows_past_200_characters_is_hashed()
    {
        var id = new string('/', 67); // 67 × "%2F" = 201 characters
        Assert.That(ObjectKeyLayout.SafeId(id), Is.EqualTo(Sha256Name(id)));
    }

    [Test]
    public void Safe_ids_never_contain_a_slash_or_a_bare_dot_segment()
    {
        string[] ids = ["/", "a/../b", ".", "..", "x y/z", "\u0000", "\t"];
        foreach (var id in ids)
        {
            var safe = ObjectKeyLayout.SafeId(id);
            Assert.That(safe, Does.Not.Contain("/").And.Not.EqualTo(".").And.Not.EqualTo(".."), id);
        }
    }

    [Test]
    public void An_empty_id_or_one_with_an_unpaired_surrogate_fails_the_record() => Assert.Multiple(() =>
    {
        Assert.Throws<RecordException>(() => ObjectKeyLayout.SafeId(""));
        Assert.Throws<RecordException>(() => ObjectKeyLayout.SafeId("a\uD800b"));
    });

    private static string Sha256Name(string id) =>
        "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
