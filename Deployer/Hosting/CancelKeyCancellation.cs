namespace OrdersPipeline.Deployer.Hosting;

/// <summary>Turns the first Ctrl-C into a cancellation of the running operation instead of killing the process, so
/// the command can stop the engine and report exit code 130. A second Ctrl-C terminates at once.</summary>
public sealed class CancelKeyCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TextWriter _messages;

    public CancelKeyCancellation(TextWriter messages)
    {
        _messages = messages;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        _messages.WriteLine("Cancelling… (press Ctrl-C again to terminate immediately)");
        _source.Cancel();
    }
}
