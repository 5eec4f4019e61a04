using NUnit.Framework;
using Pulumi.Utilities;

namespace OrdersPipeline.Infra.Tests;

/// <summary>The API key's value goes to Secrets Manager, encrypted with the stack key when there is one; the stack
/// exports the secret's ARN, never the value.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ApiKeySecretTests
{
    private const string SecretName = "dev-orders-api-key-secret-backend";

    [Test]
    public async Task The_key_value_is_stored_in_its_secret_and_only_the_secret_arn_is_exported()
    {
        var run = await StackRun.WithIngest().RunAsync();
        var version = run.Single(ResourceTypes.SecretVersion);

        Assert.Multiple(async () =>
        {
            Assert.That(run.Single(ResourceTypes.Secret, SecretName).Has("kmsKeyId"), Is.False);
            Assert.That(version.String("secretId"), Is.EqualTo($"{SecretName}-id"));
            Assert.That(version.String("secretString"), Is.EqualTo(MockAws.ApiKeyValue));
            Assert.That(await OutputUtilities.GetValueAsync(run.Stack.OrdersApiKeySecretArn),
                Is.EqualTo(MockAws.SecretArn(SecretName)));
        });
    }

    [Test]
    public async Task With_a_stack_key_the_secret_is_encrypted_with_it()
    {
        var run = await StackRun.WithIngest().With("encryption", "customer-key").RunAsync();

        Assert.That(run.Single(ResourceTypes.Secret, SecretName).String("kmsKeyId"),
            Is.EqualTo(MockAws.KeyArn("encryption-key")));
    }

    // The secret's name is fixed: unprotected it is deleted at once on destroy, so the next up can create it again.
    [TestCase("false", 0d)]
    [TestCase("true", 30d)]
    public async Task The_recovery_window_follows_protect(string protect, double days)
    {
        var run = await StackRun.WithIngest().With("protect", protect).RunAsync();

        Assert.That(run.Single(ResourceTypes.Secret, SecretName).Number("recoveryWindowInDays"), Is.EqualTo(days));
    }

    [Test]
    public async Task Without_the_http_door_there_is_no_secret()
    {
        var run = await StackRun.WithIngest().With("httpIngest", "false").RunAsync();

        Assert.That(run.OfType(ResourceTypes.Secret), Is.Empty);
        Assert.That(await OutputUtilities.GetValueAsync(run.Stack.OrdersApiKeySecretArn), Is.Empty);
    }
}
