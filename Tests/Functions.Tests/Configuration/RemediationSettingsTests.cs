using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions.Tests.Configuration;

public sealed class RemediationSettingsTests
{
    private static Func<string, string?> Env(string? roles) => name => name switch
    {
        "PROCESSED_BUCKET_NAME" => "dev-processed-data-123456789012-backend",
        "STACK_ROLE_NAMES" => roles,
        "AUDIT_TABLE_NAME" => "dev-audit-table-backend",
        "ENVIRONMENT" => "dev",
        _ => null,
    };

    [Test]
    public void The_three_variables_are_read_and_role_names_split_on_commas()
    {
        var settings = RemediationSettings.FromEnvironment(Env(" dev-order-processor-role-backend, dev-audit-role-backend,,"));
        Assert.Multiple(() =>
        {
            Assert.That(settings.ProcessedBucketName, Is.EqualTo("dev-processed-data-123456789012-backend"));
            Assert.That(settings.StackRoleNames, Is.EqualTo(new[] { "dev-order-processor-role-backend", "dev-audit-role-backend" }));
            Assert.That(settings.AuditTableName, Is.EqualTo("dev-audit-table-backend"));
            Assert.That(settings.Metrics.Environment, Is.EqualTo("dev"));
        });
    }

    [TestCase(null, "STACK_ROLE_NAMES is required")]
    [TestCase(" , ,", "at least one role name")]
    [TestCase("dev-audit-role-backend,role with spaces", "'role with spaces', which is not an IAM role name")]
    [TestCase("arn:aws:iam::123456789012:role/dev-audit-role-backend", "not an IAM role name")]
    public void Role_names_that_cannot_be_matched_fail_at_cold_start_naming_the_variable(string? roles, string message) =>
        Assert.That(() => RemediationSettings.FromEnvironment(Env(roles)),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains(message));

    [Test]
    public void A_missing_bucket_or_table_fails_naming_it() => Assert.Multiple(() =>
    {
        Assert.That(() => RemediationSettings.FromEnvironment(n => n == "PROCESSED_BUCKET_NAME" ? null : Env("r")(n)),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("PROCESSED_BUCKET_NAME"));
        Assert.That(() => RemediationSettings.FromEnvironment(n => n == "AUDIT_TABLE_NAME" ? null : Env("r")(n)),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("AUDIT_TABLE_NAME"));
    });
}
