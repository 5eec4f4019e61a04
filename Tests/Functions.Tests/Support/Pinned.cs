namespace OrdersPipeline.Functions.Tests.Support;

/// <summary>
/// The committed golden outputs under Fixtures/pinned/ (audit items, HTTP answers, ingest-log items, rejects files),
/// read from the test project's source folder so a golden is always the committed file, never a copy in bin/, and so
/// an input kept beside its goldens is read from there too.
/// </summary>
internal static class Pinned
{
    private const string ProjectFile = "OrdersPipeline.Functions.Tests.csproj";

    public static string Folder { get; } = Path.Combine(FindProjectFolder(), "Fixtures", "pinned");

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>An input kept beside its goldens (e.g. a dropped file).</summary>
    public static string Input(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Asserts that <paramref name="actual"/> is exactly the golden file's text; on a difference (or a missing
    /// golden) the message shows both, so the change can be reviewed.</summary>
    public static void Matches(string relative, string actual)
    {
        var path = PathOf(relative);
        if (!File.Exists(path))
        {
            Assert.Fail($"The golden file {path} is missing (goldens are committed, never written by a test). "
                + $"This run produced:\n{actual}");
        }

        var golden = File.ReadAllText(path);
        if (!string.Equals(golden, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"{relative} differs from its golden.\n--- golden\n{golden}\n--- this run\n{actual}");
        }
    }

    /// <summary>Walks up from the test output (bin/&lt;configuration&gt;/&lt;framework&gt;/) to the project's
    /// folder.</summary>
    private static string FindProjectFolder()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null;
             folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ProjectFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {ProjectFile} above {TestContext.CurrentContext.TestDirectory}: the pinned outputs are read from the "
            + "test project's source folder.");
    }
}
