using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>The account-level settings (docs/deploying.md): API Gateway's CloudWatch Logs role, the GuardDuty
/// detector, the AWS Config recorder, and the API key secret's recovery window.</summary>
[TestFixture]
public sealed class AccountSingletonsTests
{
    private const string Detector = "12abc34d567e8fa901bc2d34e56789f0";

    // A first `up` of the defaults has a stage with access logs, which API Gateway refuses until the region's
    // CloudWatch Logs role is set: so the defaults set it.
    [Test]
    public void The_defaults_set_the_api_gateway_logs_role_and_keep_it_on_destroy()
    {
        var defaults = new ConfigFixture().Parse();

        Assert.Multiple(() =>
        {
            Assert.That(AccountSingletons.ManagesApiGatewayAccount(defaults), Is.True);
            Assert.That(AccountSingletons.RetainOnDelete, Is.True);
            Assert.That(AccountSingletons.KeptOnDestroy(defaults), Has.One.Contain("CloudWatch Logs role setting"));
        });
    }

    [TestCase("apiGatewayAccountRole", "false")]
    [TestCase("httpIngest", "false")]
    public void The_role_is_left_alone_when_turned_off_or_without_the_http_door(string key, string value)
    {
        var config = new ConfigFixture().With(key, value).Parse();

        Assert.Multiple(() =>
        {
            Assert.That(AccountSingletons.ManagesApiGatewayAccount(config), Is.False);
            Assert.That(AccountSingletons.KeptOnDestroy(config), Is.Empty);
        });
    }

    // AWS names the role from the prefix (plus 26 characters), so a role kept by destroy never blocks the next up.
    [Test]
    public void The_logs_role_prefix_leaves_room_for_the_generated_suffix_and_is_a_valid_role_name()
    {
        var prefix = AccountSingletons.ApiGatewayLogsRolePrefix;

        Assert.Multiple(() =>
        {
            Assert.That(prefix.Length, Is.LessThanOrEqualTo(AccountSingletons.MaxRoleNamePrefixLength));
            Assert.That(ServiceNameRules.IamRole.Check(prefix + new string('0', 26)), Is.Null);
        });
    }

    [Test]
    public void Config_rules_without_a_word_on_the_recorder_are_refused_naming_config_recorder_and_the_types()
    {
        var exception = new ConfigFixture().With("configRules", "true").ParseFails();

        Assert.That(exception.Problems, Has.One.Contain("'orders-pipeline:configRecorder' must be set")
            .And.Contain("pulumi config set orders-pipeline:configRecorder false")
            .And.Contain("AWS::S3::Bucket").And.Contain("AWS::DynamoDB::Table").And.Contain("AWS::Lambda::Function"));
    }

    [TestCase("true")]
    [TestCase("false")]
    public void Config_rules_accept_either_recorder_choice(string recorder)
    {
        var config = new ConfigFixture().With("configRules", "true").With("configRecorder", recorder).Parse();

        Assert.That(config.Get(ConfigSchema.ConfigRecorder), Is.EqualTo(bool.Parse(recorder)));
    }

    [Test]
    public void Is_set_tells_an_explicit_default_from_an_unset_key()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ConfigFixture().Parse().IsSet(ConfigSchema.ConfigRecorder), Is.False);
            Assert.That(new ConfigFixture().With("configRecorder", "false").With("configRules", "true").Parse()
                .IsSet(ConfigSchema.ConfigRecorder), Is.True);
        });
    }

    [Test]
    public void An_existing_detector_that_is_not_the_stacks_own_is_refused_naming_guardduty_detector_id()
    {
        var problem = AccountSingletons.ExistingDetectorProblem(Detector, priorDetectorId: null);

        Assert.That(problem, Does.Contain($"already has the detector '{Detector}'")
            .And.Contain($"pulumi config set orders-pipeline:guardDutyDetectorId {Detector}"));
        Assert.That(AccountSingletons.ExistingDetectorProblem(Detector, priorDetectorId: ""), Is.EqualTo(problem));
        Assert.That(AccountSingletons.ExistingDetectorProblem(Detector, "00000000000000000000000000000000"),
            Is.EqualTo(problem));
    }

    [Test]
    public void No_detector_or_the_stacks_own_detector_passes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AccountSingletons.ExistingDetectorProblem(null, null), Is.Null);
            Assert.That(AccountSingletons.ExistingDetectorProblem(Detector, Detector), Is.Null);
        });
    }

    [Test]
    public void Only_a_detector_the_stack_creates_is_kept_on_destroy()
    {
        var creates = new ConfigFixture().With("guardDuty", "true").With("httpIngest", "false").Parse();
        var existing = new ConfigFixture().With("guardDuty", "true").With("guardDutyDetectorId", Detector)
            .With("httpIngest", "false").Parse();

        Assert.Multiple(() =>
        {
            Assert.That(AccountSingletons.CreatesDetector(creates), Is.True);
            Assert.That(AccountSingletons.KeptOnDestroy(creates), Has.One.Contain("GuardDuty detector"));
            Assert.That(AccountSingletons.CreatesDetector(existing), Is.False);
            Assert.That(AccountSingletons.KeptOnDestroy(existing), Is.Empty);
        });
    }

    [Test]
    public void Owning_the_config_recorder_warns_that_destroy_deletes_it()
    {
        var owns = new ConfigFixture().With("configRules", "true").With("configRecorder", "true").Parse();
        var uses = new ConfigFixture().With("configRules", "true").With("configRecorder", "false").Parse();

        Assert.Multiple(() =>
        {
            Assert.That(AccountSingletons.DestroyWarning(owns), Does.Contain("`pulumi destroy` stops and deletes them"));
            Assert.That(AccountSingletons.DestroyWarning(uses), Is.Null);
            Assert.That(AccountSingletons.DestroyWarning(new ConfigFixture().Parse()), Is.Null);
        });
    }

    // A fixed-name secret still scheduled for deletion blocks the next up, so an unprotected one goes at once.
    [TestCase("false", 0)]
    [TestCase("true", 30)]
    public void The_api_key_secrets_recovery_window_follows_protect(string protect, int days)
    {
        var config = new ConfigFixture().With("protect", protect).Parse();

        Assert.That(ProtectionRules.SecretRecoveryWindowDays(config), Is.EqualTo(days));
    }
}
