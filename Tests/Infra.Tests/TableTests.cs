using NUnit.Framework;

namespace OrdersPipeline.Infra.Tests;

[TestFixture]
[NonParallelizable]
public sealed class TableTests
{
    private StackRun _run = null!;

    [OneTimeSetUp]
    public async Task RunStack() => _run = await StackRun.WithDefaults().RunAsync();

    private RegisteredResource Orders => _run.Single(ResourceTypes.Table, "dev-orders-table-backend");

    private RegisteredResource Audit => _run.Single(ResourceTypes.Table, "dev-audit-table-backend");

    [Test]
    public void Orders_table_streams_new_and_old_images()
    {
        Assert.That(Orders.Bool("streamEnabled"), Is.True);
        Assert.That(Orders.String("streamViewType"), Is.EqualTo("NEW_AND_OLD_IMAGES"));
    }

    [Test]
    public void Orders_table_is_on_demand_keyed_by_string_order_id()
    {
        Assert.That(Orders.String("billingMode"), Is.EqualTo("PAY_PER_REQUEST"));
        Assert.That(Orders.String("hashKey"), Is.EqualTo("orderId"));
        var attribute = RegisteredResource.AsObject(Orders.List("attributes").Single());
        Assert.That(attribute["name"], Is.EqualTo("orderId"));
        Assert.That(attribute["type"], Is.EqualTo("S"));
    }

    [Test]
    public void Both_tables_have_point_in_time_recovery()
    {
        Assert.That(Orders.Object("pointInTimeRecovery")["enabled"], Is.EqualTo(true));
        Assert.That(Audit.Object("pointInTimeRecovery")["enabled"], Is.EqualTo(true));
    }

    [Test]
    public void Both_tables_have_server_side_encryption()
    {
        Assert.That(Orders.Object("serverSideEncryption")["enabled"], Is.EqualTo(true));
        Assert.That(Audit.Object("serverSideEncryption")["enabled"], Is.EqualTo(true));
    }

    [Test]
    public void Deletion_protection_is_off_by_default()
    {
        Assert.That(Orders.Bool("deletionProtectionEnabled"), Is.False);
        Assert.That(Audit.Bool("deletionProtectionEnabled"), Is.False);
    }

    [Test]
    public void Audit_table_is_keyed_by_audit_id_and_timestamp()
    {
        Assert.That(Audit.String("hashKey"), Is.EqualTo("auditId"));
        Assert.That(Audit.String("rangeKey"), Is.EqualTo("timestamp"));
        Assert.That(Audit.List("attributes").Select(RegisteredResource.AsObject).Select(a => (a["name"], a["type"])),
            Is.EquivalentTo(new[] { ((object?)"auditId", (object?)"S"), ("timestamp", "S"), ("failureType", "S") }));
    }

    [Test]
    public void Audit_table_indexes_failure_type_by_timestamp_projecting_all()
    {
        var index = RegisteredResource.AsObject(Audit.List("globalSecondaryIndexes").Single());
        var keys = RegisteredResource.AsList(index["keySchemas"]).Select(RegisteredResource.AsObject)
            .Select(key => (key["attributeName"], key["keyType"]));

        Assert.That(index["name"], Is.EqualTo("failure-type-index"));
        Assert.That(index["projectionType"], Is.EqualTo("ALL"));
        Assert.That(keys, Is.EqualTo(new[] { ((object?)"failureType", (object?)"HASH"), ("timestamp", "RANGE") }));
    }
}

[TestFixture]
[NonParallelizable]
public sealed class ProtectTests
{
    [Test]
    public async Task Protect_turns_on_deletion_protection_of_both_tables()
    {
        var run = await StackRun.WithDefaults().With("protect", "true").RunAsync();

        Assert.That(run.OfType(ResourceTypes.Table).Select(table => table.Bool("deletionProtectionEnabled")),
            Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public async Task Force_destroy_can_be_turned_off()
    {
        var run = await StackRun.WithDefaults().With("forceDestroy", "false").RunAsync();

        Assert.That(run.Single(ResourceTypes.Bucket, "dev-processed-data-123456789012-backend").Bool("forceDestroy"),
            Is.False);
    }
}
