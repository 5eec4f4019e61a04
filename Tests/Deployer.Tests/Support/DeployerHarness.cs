using System.CommandLine;
using OrdersPipeline.Deployer.Engine;
using OrdersPipeline.Infra.Definitions;

namespace OrdersPipeline.Deployer.Tests.Support;

/// <summary>Runs the Deployer's command line against a temporary repository, a <see cref="FakeWorkspace"/>, a scripted
/// prompt (no terminal unless <see cref="AttachTerminal"/>), environment variables (passphrase set) and a clock that
/// moves only when told.</summary>
internal sealed class DeployerHarness : IDisposable
{
    public DeployerHarness()
    {
        RepoRoot = Directory.CreateTempSubdirectory("deployer-tests-").FullName;
        var functionsProject = Path.Combine(RepoRoot, FunctionsPackage.ProjectRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(functionsProject)!);
        File.WriteAllText(functionsProject, "<Project />");
        File.WriteAllText(Path.Combine(RepoRoot, "Pulumi.yaml"), "name: orders-pipeline\nruntime: dotnet\n");
        HomeDirectory = Path.Combine(RepoRoot, "home");
        CurrentDirectory = RepoRoot;
        Variables[WorkspaceSettings.PassphraseVariable] = "test-passphrase";
    }

    public string RepoRoot { get; }

    /// <summary>The user's home: inside <see cref="RepoRoot"/>, so the default file backend's folder is removed
    /// with it.</summary>
    public string HomeDirectory { get; }

    public string CurrentDirectory { get; set; }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public FakeWorkspace Workspace { get; } = new();

    public List<WorkspaceSettings> Opened { get; } = [];

    public ScriptedPrompt Prompt { get; } = new();

    public ManualClock Clock { get; } = new();

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public string StdOut => Out.ToString();

    public string StdErr => Error.ToString();

    public void AttachTerminal(params bool[] answers) => Prompt.Answers = new Queue<bool>(answers);

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public Task<int> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var host = new DeployerHost(
            settings =>
            {
                Opened.Add(settings);
                return Workspace;
            },
            Prompt,
            Variables.GetValueOrDefault,
            HomeDirectory,
            [CurrentDirectory],
            Clock);
        var invocation = new InvocationConfiguration { Output = Out, Error = Error, ProcessTerminationTimeout = null };
        return DeployerCli.RunAsync(args, host, invocation, cancellationToken);
    }

    public void Dispose() => Directory.Delete(RepoRoot, recursive: true);

    internal sealed class ScriptedPrompt : IPrompt
    {
        /// <summary>Null: no terminal attached.</summary>
        public Queue<bool>? Answers { get; set; }

        public List<string> Questions { get; } = [];

        public bool? Confirm(string question)
        {
            if (Answers is null)
            {
                return null;
            }

            Questions.Add(question);
            return Answers.TryDequeue(out var answer) && answer;
        }
    }

    internal sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
