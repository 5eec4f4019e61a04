using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace OrdersPipeline.Infra.Definitions.Tests;

/// <summary>Every relative link of the README, the docs and the benchmark README resolves: the file or folder exists,
/// and a <c>#anchor</c> names a heading of the page it points to (GitHub's heading ids). The README stays a few
/// screens long.</summary>
[TestFixture]
public sealed partial class DocsLinkTests
{
    private static readonly string Root = FunctionsPackage.FindRepoRoot([AppContext.BaseDirectory])
                                          ?? throw new InvalidOperationException("No repository above the tests.");

    private static IEnumerable<string> Pages() =>
        new[] { "README.md", "Tests/Benchmarks/README.md" }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md")
                .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));

    [TestCaseSource(nameof(Pages))]
    public void Every_relative_link_and_anchor_resolves(string page)
    {
        var broken = new List<string>();
        foreach (var (line, target) in Links(File.ReadAllText(Path.Combine(Root, page))))
        {
            if (Problem(page, target) is { } problem)
            {
                broken.Add($"{page}:{line}: ({target}) {problem}");
            }
        }

        Assert.That(broken, Is.Empty, string.Join(Environment.NewLine, broken));
    }

    [Test]
    public void The_readme_fits_a_few_screens()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));

        Assert.That(lines, Has.Length.LessThanOrEqualTo(150));
        Assert.That(lines.Where(line => line.Length > 200), Is.Empty);
    }

    [TestCase("## CDN read path (`cdn`)", "cdn-read-path-cdn")]
    [TestCase("## Threat detection (`guardDuty`, `configRules`)", "threat-detection-guardduty-configrules")]
    [TestCase("## Ingest: the HTTP API and the file drop", "ingest-the-http-api-and-the-file-drop")]
    [TestCase("### Cost (AWS list prices, us-east-1)", "cost-aws-list-prices-us-east-1")]
    public void Anchors_are_github_heading_ids(string heading, string anchor)
    {
        Assert.That(Anchors(heading + "\n"), Does.Contain(anchor));
    }

    [Test]
    public void A_broken_link_or_anchor_is_found()
    {
        var links = Links("[a](docs/nope.md) `[b](docs/in-code.md)` [c](#nowhere) [d](https://example.com)\n"
                          + "```\n[e](docs/in-a-fence.md)\n```\n").ToList();

        Assert.That(links.Select(link => link.Target), Is.EqualTo(new[] { "docs/nope.md", "#nowhere" }));
        Assert.That(Problem("README.md", "docs/nope.md"), Is.Not.Null);
        Assert.That(Problem("README.md", "docs/architecture.md#no-such-heading"), Is.Not.Null);
        Assert.That(Problem("README.md", "docs/architecture.md#reliability"), Is.Null);
    }

    /// <summary>Null when <paramref name="target"/>, linked from <paramref name="page"/>, resolves.</summary>
    private static string? Problem(string page, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = pathPart.Length == 0
            ? Path.Combine(Root, page)
            : Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(page) ?? "", pathPart));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "no such file or folder";
        }

        if (anchor is null)
        {
            return null;
        }

        return resolved.EndsWith(".md", StringComparison.Ordinal)
               && Anchors(File.ReadAllText(resolved)).Contains(anchor)
            ? null
            : "no heading with this anchor";
    }

    /// <summary>The relative link targets with their line numbers, outside code fences and inline code.</summary>
    private static IEnumerable<(int Line, string Target)> Links(string markdown)
    {
        foreach (var (number, line) in OutsideFences(markdown))
        {
            foreach (Match match in Link().Matches(InlineCode().Replace(line, "")))
            {
                var target = match.Groups[1].Value;
                if (!Scheme().IsMatch(target))
                {
                    yield return (number, target);
                }
            }
        }
    }

    /// <summary>GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, line) in OutsideFences(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var id = new StringBuilder();
            foreach (var character in heading.Groups[1].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(character) || character is '-' or '_')
                {
                    id.Append(character);
                }
                else if (character == ' ')
                {
                    id.Append('-');
                }
            }

            var candidate = id.ToString();
            for (var repeat = 1; !anchors.Add(candidate); repeat++)
            {
                candidate = $"{id}-{repeat}";
            }
        }

        return anchors;
    }

    private static IEnumerable<(int Number, string Line)> OutsideFences(string markdown)
    {
        var inFence = false;
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return (index + 1, lines[index]);
            }
        }
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
