namespace OrdersPipeline.Deployer.Hosting;

/// <summary>Finds the repository root: the closest folder at or above a start folder that holds <c>Pulumi.yaml</c>.
/// The workspace is rooted there so the stack files are shared with the <c>pulumi</c> CLI path.</summary>
public static class RepoRootLocator
{
    public const string ProjectFileName = "Pulumi.yaml";

    public static string? Find(params string[] startDirectories)
    {
        foreach (var start in startDirectories.Where(start => !string.IsNullOrWhiteSpace(start)))
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null;
                 directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, ProjectFileName)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
