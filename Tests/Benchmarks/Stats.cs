namespace OrdersPipeline.Benchmarks;

/// <summary>Summary of a set of per-round samples. The median is the headline; min/max show the spread.</summary>
internal sealed record Stats(double Median, double Min, double Max, IReadOnlyList<double> Samples)
{
    public static Stats Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[^1], [.. samples]);
    }

    /// <summary>(max − min) / median: how much the rounds disagree.</summary>
    public double Spread => Median == 0 ? 0 : (Max - Min) / Median;
}
