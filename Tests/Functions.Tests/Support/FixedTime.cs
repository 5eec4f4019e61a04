namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>A clock that always answers the same instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 22, 10, 1, 3, 123, TimeSpan.Zero);

    public FixedTime() : this(Default) { }

    public override DateTimeOffset GetUtcNow() => now;
}
