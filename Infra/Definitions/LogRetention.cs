namespace OrdersPipeline.Infra.Definitions;

/// <summary>The retention values CloudWatch Logs accepts (0 = never expire).</summary>
public static class LogRetention
{
    public static IReadOnlyList<int> AllowedDays { get; } =
    [
        0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
        1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ];

    public static bool IsAllowed(int days) => AllowedDays.Contains(days);
}
