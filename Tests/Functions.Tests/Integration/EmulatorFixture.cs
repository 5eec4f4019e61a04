using OrdersPipeline.Emulator;

namespace OrdersPipeline.Functions.Tests.Integration;

/// <summary>
/// Starts one emulator for the integration tests in this namespace and stops it after them. Without an emulator
/// the tests are skipped on a developer machine, but fail under CI (CI=true): there it must be present.
/// </summary>
[SetUpFixture]
public sealed class EmulatorFixture
{
    private static AwsEmulator? _emulator;
    private static string? _unavailable;

    public static AwsEmulator Emulator
    {
        get
        {
            if (_emulator is not null)
            {
                return _emulator;
            }

            var message = $"Emulator unavailable: {_unavailable}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " (CI=true: the emulator tests must run)");
            }

            Assert.Ignore(message);
            throw new InvalidOperationException(message);
        }
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        try
        {
            _emulator = await AwsEmulator.StartAsync();
        }
        catch (EmulatorUnavailableException error)
        {
            _unavailable = error.Message;
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _emulator = null;
    }
}
