using System.Globalization;
using System.Reflection;
using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Functions.Tests.Configuration;

/// <summary>
/// Every whole-number variable of the contract, at the edges of its declared range: the settings readers accept
/// Min and Max (and the default) and reject Min - 1 and Max + 1, naming the variable.
/// </summary>
public sealed class IntVariableRangeTests
{
    /// <summary>How each declared variable is read back; a new IntVariable must be added here (a test
    /// checks).</summary>
    private static readonly Dictionary<IntVariable, Func<Func<string, string?>, int>> Readers = new()
    {
        [ProcessorEnvironment.MaxConcurrency] = env => ProcessorSettings.FromEnvironment(env).MaxConcurrency,
    };

    /// <summary>Values the required variables need so that only the variable under test can fail.</summary>
    private static readonly Dictionary<string, string> Required = new()
    {
        [ProcessorEnvironment.BucketName.Name] = "bucket",
        [AuditEnvironment.AuditTableName.Name] = "audit",
    };

    private static IEnumerable<IntVariable> Declared() =>
        new[] { typeof(ProcessorEnvironment), typeof(AuditEnvironment), typeof(MetricsEnvironment) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(IntVariable))
            .Select(f => (IntVariable)f.GetValue(null)!);

    private static IEnumerable<TestCaseData> Edges() =>
        Declared().SelectMany(v => new[]
        {
            new TestCaseData(v, v.Min).SetName($"{v.Name} accepts its minimum {v.Min}"),
            new TestCaseData(v, v.Max).SetName($"{v.Name} accepts its maximum {v.Max}"),
            new TestCaseData(v, v.Default).SetName($"{v.Name} accepts its default {v.Default}"),
        });

    private static IEnumerable<TestCaseData> JustOutside() =>
        Declared().SelectMany(v => new[]
        {
            new TestCaseData(v, (long)v.Min - 1).SetName($"{v.Name} rejects {(long)v.Min - 1}, just below its minimum"),
            new TestCaseData(v, (long)v.Max + 1).SetName($"{v.Name} rejects {(long)v.Max + 1}, just above its maximum"),
        });

    private static Func<string, string?> Env(IntVariable variable, string value) =>
        name => name == variable.Name ? value : Required.GetValueOrDefault(name);

    [Test]
    public void Every_declared_whole_number_variable_has_a_reader_here() =>
        Assert.That(Declared(), Is.EquivalentTo(Readers.Keys));

    [Test]
    public void Every_range_is_well_formed() => Assert.Multiple(() =>
    {
        foreach (var variable in Declared())
        {
            Assert.That(variable.Min, Is.LessThanOrEqualTo(variable.Default), variable.Name);
            Assert.That(variable.Default, Is.LessThanOrEqualTo(variable.Max), variable.Name);
        }
    });

    [TestCaseSource(nameof(Edges))]
    public void A_value_at_the_edge_of_the_range_is_accepted(IntVariable variable, int value) =>
        Assert.That(Readers[variable](Env(variable, value.ToString(CultureInfo.InvariantCulture))), Is.EqualTo(value));

    [TestCaseSource(nameof(JustOutside))]
    public void A_value_just_outside_the_range_is_rejected_naming_the_variable(IntVariable variable, long value) =>
        Assert.That(() => Readers[variable](Env(variable, value.ToString(CultureInfo.InvariantCulture))),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains(variable.Name)
                .And.Message.Contains($"from {variable.Min} to {variable.Max}"));

    [Test]
    public void An_unset_variable_reads_as_its_default() => Assert.Multiple(() =>
    {
        foreach (var variable in Declared())
        {
            Assert.That(Readers[variable](name => Required.GetValueOrDefault(name)), Is.EqualTo(variable.Default), variable.Name);
        }
    });
}
