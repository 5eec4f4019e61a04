using OrdersPipeline.Functions.Processor;
using OrdersPipeline.Functions.Tests.Support;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Tests.Processor;

/// <summary>
/// <see cref="S3ProcessedObjectStore"/> with conditional writes, on a bucket that evaluates the conditions
/// (<see cref="ConditionalBucket"/>): which requests each case costs, and that an older change never replaces a
/// newer one.
/// </summary>
public sealed class ConditionalWritesTests
{
    private const string Key = "processed-data/2026/11/19/o-1.json";
    private static readonly ProcessedDocumentBuilder Builder = new("processed-data", "orderId");

    private static ChangeRecord Change(string sequenceNumber, string eventName = "MODIFY") =>
        StreamFixtures.Record(Fixtures.Record(sequenceNumber, "o-1", $"\"seq\":{{\"S\":\"{sequenceNumber}\"}}",
            eventName, oldImageAttributes: eventName == "MODIFY" ? "" : null));

    private static TimeBudget Budget() => new(TimeSpan.FromMinutes(1), TimeBudgetPolicy.Default, TimeProvider.System);

    private static async Task<PutResult> PutAsync(S3ProcessedObjectStore store, ChangeRecord change)
    {
        using var budget = Budget();
        return await store.PutAsync(Builder.Build(change, FixedTime.Default), change, budget);
    }

    private static S3ProcessedObjectStore Store(ConditionalBucket bucket, bool conditionalWrites = true, int capacity = 100) =>
        new(bucket.Mock.Object, "test-bucket", conditionalWrites, capacity);

    [Test]
    public async Task An_insert_of_a_new_key_is_one_put_with_if_none_match_and_its_sequence_number_in_metadata()
    {
        var bucket = new ConditionalBucket();

        var result = await PutAsync(Store(bucket), Change("100", "INSERT"));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(PutResult.Stored));
            Assert.That(bucket.Calls, Is.EqualTo(new[] { $"PUT {Key} If-None-Match *" }));
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo("100"));
        });
    }

    [Test]
    public async Task A_later_change_of_a_key_this_store_wrote_is_one_put_with_if_match_on_the_etag_it_got_back()
    {
        var bucket = new ConditionalBucket();
        var store = Store(bucket);
        await PutAsync(store, Change("100", "INSERT"));
        var first = bucket.Current(Key)!;
        bucket.Clear();

        var result = await PutAsync(store, Change("101"));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(PutResult.Stored));
            Assert.That(bucket.Calls, Is.EqualTo(new[] { $"PUT {Key} If-Match {first.ETag}" }));
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo("101"));
        });
    }

    [Test]
    public async Task A_replay_of_a_change_this_store_wrote_writes_nothing_and_sends_no_request()
    {
        var bucket = new ConditionalBucket();
        var store = Store(bucket);
        await PutAsync(store, Change("100", "INSERT"));
        await PutAsync(store, Change("101"));
        bucket.Clear();

        var same = await PutAsync(store, Change("101"));
        var older = await PutAsync(store, Change("100", "INSERT"));

        Assert.Multiple(() =>
        {
            Assert.That(same, Is.EqualTo(PutResult.AlreadyStored("101", 0)));
            Assert.That(older, Is.EqualTo(PutResult.AlreadyStored("101", 0)));
            Assert.That(bucket.Calls, Is.Empty);
            Assert.That(bucket.Versions(Key), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_replay_in_another_environment_reads_the_key_once_and_writes_nothing()
    {
        var bucket = new ConditionalBucket();
        await PutAsync(Store(bucket), Change("100", "INSERT"));
        bucket.Clear();

        var result = await PutAsync(Store(bucket), Change("100", "INSERT"));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(PutResult.AlreadyStored("100", 1)));
            Assert.That(bucket.Calls, Is.EqualTo(new[] { $"PUT {Key} If-None-Match *", $"HEAD {Key}" }));
            Assert.That(bucket.Versions(Key), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task An_older_change_that_arrives_after_a_newer_one_is_stored_writes_nothing()
    {
        // The late-write race: the newer change 200 is stored; the older 150 arrives (a late or retried write).
        var bucket = new ConditionalBucket();
        bucket.Store(Key, "200");

        var result = await PutAsync(Store(bucket), Change("150"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.False);
            Assert.That(result.StoredSequenceNumber, Is.EqualTo("200"));
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo("200"));
            Assert.That(bucket.Versions(Key), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Sequence_numbers_compare_as_numbers_not_as_text()
    {
        // "99…9" (20 digits) is older than "1000…0" (21 digits), though it sorts after it as text.
        var bucket = new ConditionalBucket();
        var older = new string('9', 20);
        var newer = "1" + new string('0', 20);
        var stored = bucket.Store(Key, older);

        var result = await PutAsync(Store(bucket), Change(newer));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new PutResult(Written: true, ConditionFailures: 1)));
            Assert.That(bucket.Calls, Is.EqualTo(new[]
            {
                $"PUT {Key} If-None-Match *", $"HEAD {Key}", $"PUT {Key} If-Match {stored.ETag}",
            }));
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo(newer));
        });
    }

    [Test]
    public async Task A_stale_known_etag_fails_the_condition_and_the_write_goes_again_on_the_current_one()
    {
        var bucket = new ConditionalBucket();
        var store = Store(bucket);
        await PutAsync(store, Change("100", "INSERT"));
        var other = bucket.Store(Key, "150"); // another environment wrote a newer change since
        bucket.Clear();

        var result = await PutAsync(store, Change("200"));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new PutResult(Written: true, ConditionFailures: 1)));
            Assert.That(bucket.Calls[^1], Is.EqualTo($"PUT {Key} If-Match {other.ETag}"));
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo("200"));
        });
    }

    [Test]
    public async Task A_newer_change_landing_between_the_read_and_the_write_is_kept()
    {
        // 150 is stored; this store reads it and writes 200 on its ETag, but 300 lands just before: the If-Match
        // fails, the re-read finds 300, and nothing is written.
        var bucket = new ConditionalBucket();
        bucket.Store(Key, "150");
        var landed = false;
        bucket.BeforePut = key =>
        {
            if (bucket.Calls.Count(c => c.StartsWith("PUT", StringComparison.Ordinal)) == 2 && !landed)
            {
                landed = true;
                bucket.Store(key, "300");
            }
        };

        var result = await PutAsync(Store(bucket), Change("200"));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(PutResult.AlreadyStored("300", 2)));
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo("300"));
            Assert.That(bucket.Versions(Key).Select(v => v.SequenceNumber), Is.EqualTo(new[] { "150", "300" }));
        });
    }

    [Test]
    public async Task A_key_that_keeps_changing_under_the_write_fails_the_record_after_a_bounded_number_of_puts()
    {
        // Before every put another writer stores an older change: each condition fails, each re-read says "older".
        var bucket = new ConditionalBucket();
        var n = 0;
        bucket.BeforePut = key => bucket.Store(key, $"{10 + n++}");

        var error = Assert.ThrowsAsync<ConditionalWriteException>(() => PutAsync(Store(bucket), Change("500")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"{S3ProcessedObjectStore.MaxConditionalAttempts} conditional writes"));
            Assert.That(bucket.Calls.Count(c => c.StartsWith("PUT", StringComparison.Ordinal)),
                Is.EqualTo(S3ProcessedObjectStore.MaxConditionalAttempts));
            Assert.That(bucket.Versions(Key).Select(v => v.SequenceNumber), Has.None.EqualTo("500"));
        });
    }

    [Test]
    public async Task A_stored_object_without_the_metadata_is_read_whole_for_its_sequence_number()
    {
        var bucket = new ConditionalBucket();
        bucket.Store(Key, sequenceNumber: null, body: """{"recordId":"o-1","metadata":{"sequenceNumber":"300"}}""");

        var result = await PutAsync(Store(bucket), Change("200"));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(PutResult.AlreadyStored("300", 1)));
            Assert.That(bucket.Calls, Is.EqualTo(new[] { $"PUT {Key} If-None-Match *", $"HEAD {Key}", $"GET {Key}" }));
        });
    }

    [Test]
    public async Task An_object_that_is_no_document_counts_as_older_and_is_replaced()
    {
        var bucket = new ConditionalBucket();
        bucket.Store(Key, sequenceNumber: null, body: "not json");

        var result = await PutAsync(Store(bucket), Change("200"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Written, Is.True);
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo("200"));
        });
    }

    [Test]
    public async Task A_known_etag_whose_object_is_gone_creates_the_key_again()
    {
        var bucket = new ConditionalBucket();
        var writer = Store(bucket);
        await PutAsync(writer, Change("100", "INSERT"));
        var reader = new ConditionalBucket(); // same store, an emptied bucket: If-Match answers 404
        var store = new S3ProcessedObjectStore(reader.Mock.Object, "test-bucket", true, 100);
        store.Versions.Set(Key, writer.Versions.Get(Key)!);

        var result = await PutAsync(store, Change("101"));

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new PutResult(Written: true, ConditionFailures: 1)));
            Assert.That(reader.Calls[^1], Is.EqualTo($"PUT {Key} If-None-Match *"));
        });
    }

    [Test]
    public async Task With_conditional_writes_off_every_change_is_one_plain_put_and_a_replay_adds_a_version()
    {
        var bucket = new ConditionalBucket();
        var store = Store(bucket, conditionalWrites: false);

        await PutAsync(store, Change("200"));
        await PutAsync(store, Change("150"));

        Assert.Multiple(() =>
        {
            Assert.That(bucket.Calls, Is.EqualTo(new[] { $"PUT {Key} -", $"PUT {Key} -" }));
            Assert.That(bucket.Current(Key)!.SequenceNumber, Is.EqualTo("150"), "the old behaviour: last write wins");
        });
    }

    [Test]
    public async Task No_second_call_starts_when_the_time_budget_is_spent()
    {
        var bucket = new ConditionalBucket();
        bucket.Store(Key, "100");
        var time = new SteppingTime();
        var policy = new TimeBudgetPolicy(new SdkCallPolicy(1, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1));
        using var budget = new TimeBudget(policy.StartReserve + TimeSpan.FromSeconds(1), policy, time);
        bucket.BeforePut = _ => time.Advance(TimeSpan.FromSeconds(2)); // the first put uses up the start window
        var change = Change("200");

        var error = Assert.ThrowsAsync<ConditionalWriteException>(() =>
            Store(bucket).PutAsync(Builder.Build(change, FixedTime.Default), change, budget));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("time budget"));
            Assert.That(bucket.Calls, Is.EqualTo(new[] { $"PUT {Key} If-None-Match *" }));
        });
    }

    private sealed class SteppingTime : TimeProvider
    {
        private DateTimeOffset _now = FixedTime.Default;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
