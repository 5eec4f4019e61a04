using System.Runtime.InteropServices;

namespace OrdersPipeline.Benchmarks;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), in nanoseconds. Unlike a
/// stopwatch it does not count the time the thread waits for a core, so it stays meaningful when other processes
/// load the machine. Gen0/gen1 collections of workstation GC run on the allocating thread and are included.
/// Falls back to <see cref="System.Diagnostics.Stopwatch"/> time where the clock is not available.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    private static readonly bool Available = OperatingSystem.IsLinux() && TryRead(out _);

    public static bool IsThreadCpuClock => Available;

    public static long Nanoseconds()
    {
        if (Available && TryRead(out var ns))
        {
            return ns;
        }
        return (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
    }

    private static bool TryRead(out long nanoseconds)
    {
        nanoseconds = 0;
        try
        {
            if (clock_gettime(ClockThreadCpuTimeId, out var spec) != 0)
            {
                return false;
            }
            nanoseconds = spec.Seconds * 1_000_000_000 + spec.Nanoseconds;
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
