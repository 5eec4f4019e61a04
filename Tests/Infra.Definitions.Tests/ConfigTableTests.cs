using NUnit.Framework;
using OrdersPipeline.Functions.Configuration;
using OrdersPipeline.Functions.Timing;

namespace OrdersPipeline.Infra.Definitions.Tests;

[TestFixture]
public sealed class ConfigTableTests
{
    [Test]
    public void The_documented_config_table_is_the_one_the_schema_writes()
    {
        var page = File.ReadAllText(Path.Combine(RepoRoot(), ConfigTable.DocumentPath)).ReplaceLineEndings("\n");
        var start = page.IndexOf(ConfigTable.StartMarker, StringComparison.Ordinal);
        var end = page.IndexOf(ConfigTable.EndMarker, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True, $"{ConfigTable.DocumentPath} lacks the config-table markers.");

        var documented = page[(start + ConfigTable.StartMarker.Length)..end].Trim();

        Assert.That(documented, Is.EqualTo(ConfigTable.Markdown().ReplaceLineEndings("\n").Trim()),
            $"{ConfigTable.DocumentPath}'s config table is out of date; replace it with:\n" + ConfigTable.Markdown());
    }

    [Test]
    public void The_readme_no_longer_holds_a_copy_of_the_table()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));

        Assert.That(readme, Does.Not.Contain(ConfigTable.StartMarker));
        Assert.That(readme, Does.Contain(ConfigTable.DocumentPath));
    }

    [Test]
    public void Every_key_has_a_row_naming_its_default_and_allowed_values()
    {
        var rows = ConfigTable.Markdown().Split('\n');

        foreach (var key in ConfigSchema.Keys)
        {
            Assert.That(rows, Has.One.StartsWith($"| `{key.Name}` | {key.DefaultText} | {key.Allowed} |"), key.Name);
        }
    }

    [Test]
    public void The_concurrency_key_takes_the_processors_own_default_and_range()
    {
        var variable = ProcessorEnvironment.MaxConcurrency;
        var key = ConfigSchema.ProcessorMaxConcurrency;

        Assert.Multiple(() =>
        {
            Assert.That(key.DefaultText, Is.EqualTo($"{variable.Default}"));
            Assert.That(key.Check($"{variable.Min}"), Is.Null);
            Assert.That(key.Check($"{variable.Max}"), Is.Null);
            Assert.That(key.Check($"{variable.Min - 1}"), Is.Not.Null);
            Assert.That(key.Check($"{variable.Max + 1}"), Is.Not.Null);
        });
    }

    [Test]
    public void Both_function_timeouts_allow_exactly_what_the_functions_time_budget_fits()
    {
        foreach (var key in new[] { ConfigSchema.ProcessorTimeoutSeconds, ConfigSchema.AuditTimeoutSeconds })
        {
            Assert.Multiple(() =>
            {
                Assert.That(key.Check($"{TimeBudgetPolicy.MinimumFunctionTimeoutSeconds}"), Is.Null, key.Name);
                Assert.That(key.Check($"{TimeBudgetPolicy.MaximumFunctionTimeoutSeconds}"), Is.Null, key.Name);
                Assert.That(key.Check($"{TimeBudgetPolicy.MinimumFunctionTimeoutSeconds - 1}"), Is.Not.Null, key.Name);
                Assert.That(key.Check($"{TimeBudgetPolicy.MaximumFunctionTimeoutSeconds + 1}"), Is.Not.Null, key.Name);
                Assert.That(TimeBudgetPolicy.Default.Fits(
                    TimeSpan.FromSeconds(TimeBudgetPolicy.MinimumFunctionTimeoutSeconds)), Is.True, key.Name);
            });
        }
    }

    private static string RepoRoot() =>
        FunctionsPackage.FindRepoRoot([TestContext.CurrentContext.TestDirectory])
        ?? throw new InvalidOperationException("No repository above the test directory.");
}
