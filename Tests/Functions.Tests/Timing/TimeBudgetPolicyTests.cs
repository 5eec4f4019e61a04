using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Functions.Tests.Timing;

/// <summary>The SDK settings' worst case against every function timeout Infra may set.</summary>
public sealed class TimeBudgetPolicyTests
{
    private static readonly TimeBudgetPolicy Policy = TimeBudgetPolicy.Default;

    [Test]
    public void One_worst_case_call_is_three_two_second_attempts_plus_two_and_four_seconds_of_backoff() => Assert.Multiple(() =>
    {
        Assert.That(SdkCallPolicy.Default.WorstCase, Is.EqualTo(TimeSpan.FromSeconds(3 * 2 + 2 + 4)));
        Assert.That(Policy.StartReserve, Is.EqualTo(TimeSpan.FromSeconds(13)));
    });

    [Test]
    public void Backoff_is_capped_at_twenty_seconds_per_retry() =>
        Assert.That(new SdkCallPolicy(7, TimeSpan.FromSeconds(1)).WorstCase,
            Is.EqualTo(TimeSpan.FromSeconds(7 * 1 + 2 + 4 + 8 + 16 + 20 + 20)));

    [Test]
    public void Every_function_timeout_from_the_minimum_to_lambdas_maximum_fits() => Assert.Multiple(() =>
    {
        for (var seconds = TimeBudgetPolicy.MinimumFunctionTimeoutSeconds; seconds <= TimeBudgetPolicy.MaximumFunctionTimeoutSeconds; seconds++)
        {
            var timeout = TimeSpan.FromSeconds(seconds);
            Assert.That(Policy.Fits(timeout), Is.True, $"{seconds} s");
            // A write started at the last allowed moment ends, at worst, before the margin.
            Assert.That(Policy.StartReserve - SdkCallPolicy.Default.WorstCase, Is.EqualTo(Policy.Margin));
            Assert.That(timeout - Policy.StartReserve, Is.GreaterThanOrEqualTo(TimeBudgetPolicy.MinimumStartWindow), $"{seconds} s");
        }
    });

    [Test]
    public void The_minimum_is_tight_one_second_less_does_not_fit() =>
        Assert.That(Policy.Fits(TimeSpan.FromSeconds(TimeBudgetPolicy.MinimumFunctionTimeoutSeconds - 1)), Is.False);

    [Test]
    public void The_clients_get_standard_retries_three_attempts_and_two_second_attempts() => Assert.Multiple(() =>
    {
        foreach (ClientConfig config in new ClientConfig[]
                 {
                     SdkCallPolicy.Default.Apply(new AmazonS3Config()), SdkCallPolicy.Default.Apply(new AmazonDynamoDBConfig()),
                 })
        {
            Assert.That(config.RetryMode, Is.EqualTo(RequestRetryMode.Standard));
            Assert.That(config.MaxErrorRetry, Is.EqualTo(2));
            Assert.That(config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    });

    [Test]
    public void A_budget_allows_writes_until_the_reserve_and_cancels_at_the_margin()
    {
        var policy = new TimeBudgetPolicy(new SdkCallPolicy(1, TimeSpan.FromMilliseconds(100)), TimeSpan.FromMilliseconds(50));
        using var roomy = new TimeBudget(TimeSpan.FromSeconds(10), policy, TimeProvider.System);
        using var tight = new TimeBudget(TimeSpan.FromMilliseconds(140), policy, TimeProvider.System);
        using var spent = new TimeBudget(TimeSpan.FromMilliseconds(10), policy, TimeProvider.System);
        Assert.Multiple(() =>
        {
            Assert.That(roomy.CanStartWrite, Is.True);
            Assert.That(roomy.Token.IsCancellationRequested, Is.False);
            Assert.That(tight.CanStartWrite, Is.False, "140 ms left is less than the 150 ms reserve");
            Assert.That(spent.CanStartWrite, Is.False);
            Assert.That(spent.Token.IsCancellationRequested, Is.True, "already inside the margin");
        });
    }
}
