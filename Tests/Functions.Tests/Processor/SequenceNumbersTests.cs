using OrdersPipeline.Functions.Processor;

namespace OrdersPipeline.Functions.Tests.Processor;

public sealed class SequenceNumbersTests
{
    [TestCase("9", "10", -1)]
    [TestCase("10", "9", 1)]
    [TestCase("99999999999999999999", "100000000000000000000", -1)]
    [TestCase("111100000000000000000002", "111100000000000000000001", 1)]
    [TestCase("1100000000017454423013", "1100000000017454423013", 0)]
    [TestCase("00042", "42", 0)]
    [TestCase("0", "000", 0)]
    [TestCase("123", "132", -1)]
    public void Compare_orders_by_number(string left, string right, int expected)
    {
        Assert.That(SequenceNumbers.Compare(left, right), Is.EqualTo(expected));
    }

    [TestCase("123", true)]
    [TestCase("0", true)]
    [TestCase("", false)]
    [TestCase(null, false)]
    [TestCase("12a", false)]
    [TestCase("-1", false)]
    [TestCase("１２", false)]
    public void Only_ascii_digits_are_a_sequence_number(string? text, bool expected)
    {
        Assert.That(SequenceNumbers.IsWellFormed(text), Is.EqualTo(expected));
    }
}

public sealed class StoredVersionCacheTests
{
    private static StoredVersion Version(string n) => new($"\"e{n}\"", n);

    [Test]
    public void A_full_cache_forgets_the_least_recently_used_key()
    {
        var cache = new StoredVersionCache(capacity: 2);
        cache.Set("a", Version("1"));
        cache.Set("b", Version("2"));
        _ = cache.Get("a");
        cache.Set("c", Version("3"));

        Assert.Multiple(() =>
        {
            Assert.That(cache.Count, Is.EqualTo(2));
            Assert.That(cache.Get("b"), Is.Null);
            Assert.That(cache.Get("a"), Is.EqualTo(Version("1")));
            Assert.That(cache.Get("c"), Is.EqualTo(Version("3")));
        });
    }

    [Test]
    public void The_latest_observation_replaces_the_earlier_one_without_growing_the_cache()
    {
        var cache = new StoredVersionCache(capacity: 2);
        cache.Set("a", Version("5"));
        cache.Set("a", Version("3"));
        cache.Forget("missing");

        Assert.Multiple(() =>
        {
            Assert.That(cache.Get("a"), Is.EqualTo(Version("3")));
            Assert.That(cache.Count, Is.EqualTo(1));
        });
        cache.Forget("a");
        Assert.That(cache.Get("a"), Is.Null);
    }

    [Test]
    public void Concurrent_use_keeps_the_bound()
    {
        var cache = new StoredVersionCache(capacity: 64);
        Parallel.For(0, 10_000, i =>
        {
            cache.Set($"k{i % 500}", Version($"{i}"));
            _ = cache.Get($"k{(i * 7) % 500}");
        });

        Assert.That(cache.Count, Is.EqualTo(64));
    }
}
