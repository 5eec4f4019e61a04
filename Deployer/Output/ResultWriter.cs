using System.Globalization;
using System.Text;
using System.Text.Json;
using OrdersPipeline.Deployer.Hosting;
using OrdersPipeline.Deployer.Operations;
using OrdersPipeline.Deployer.Progress;

namespace OrdersPipeline.Deployer.Output;

/// <summary>Writes each command's result. With <c>--json</c> the result is one JSON document on stdout and the human
/// summary goes to stderr; otherwise the human text goes to stdout.</summary>
public sealed class ResultWriter(IConsoleHost console, bool json)
{
    public const string SecretPlaceholder = "[secret]";

    private TextWriter HumanWriter => json ? console.Error : console.Out;

    public void ChangesCompleted(
        string operation, string stackName, ChangeSummary changes, bool planned, TimeSpan duration)
    {
        HumanWriter.WriteLine(
            $"{Capitalize(operation)} of stack '{stackName}' finished in "
            + $"{ChangeSummaryFormatter.FormatDuration(duration)}: {ChangeSummaryFormatter.Format(changes, planned)}.");
        if (json)
        {
            WriteJson(writer =>
            {
                WriteOperationHeader(writer, operation, stackName, changes, duration);
            });
        }
    }

    public void UpCompleted(string stackName, UpOutcome outcome, TimeSpan duration)
    {
        HumanWriter.WriteLine(
            $"Up of stack '{stackName}' finished in {ChangeSummaryFormatter.FormatDuration(duration)}: "
            + $"{ChangeSummaryFormatter.Format(outcome.Changes, planned: false)}.");
        if (json)
        {
            WriteJson(writer =>
            {
                WriteOperationHeader(writer, "up", stackName, outcome.Changes, duration);
                writer.WritePropertyName("outputs");
                WriteOutputsObject(writer, outcome.Outputs);
            });
            return;
        }

        WriteOutputsTable(outcome.Outputs);
    }

    public void Outputs(string stackName, IReadOnlyDictionary<string, StackOutput> outputs)
    {
        if (json)
        {
            WriteJson(writer =>
            {
                writer.WriteString("stack", stackName);
                writer.WritePropertyName("outputs");
                WriteOutputsObject(writer, outputs);
            });
            return;
        }

        if (outputs.Count == 0)
        {
            console.Out.WriteLine($"Stack '{stackName}' has no outputs (has it been deployed with `up`?).");
            return;
        }

        WriteOutputsTable(outputs);
    }

    public void Stacks(IReadOnlyList<StackInfo> stacks)
    {
        if (json)
        {
            WriteJson(writer =>
            {
                writer.WriteStartArray("stacks");
                foreach (var stack in stacks)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", stack.Name);
                    writer.WriteBoolean("current", stack.IsCurrent);
                    if (stack.LastUpdate is { } lastUpdate)
                    {
                        writer.WriteString("lastUpdate", lastUpdate);
                    }
                    else
                    {
                        writer.WriteNull("lastUpdate");
                    }

                    if (stack.ResourceCount is { } count)
                    {
                        writer.WriteNumber("resourceCount", count);
                    }
                    else
                    {
                        writer.WriteNull("resourceCount");
                    }

                    writer.WriteBoolean("updateInProgress", stack.IsUpdateInProgress);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            return;
        }

        if (stacks.Count == 0)
        {
            console.Out.WriteLine("No stacks in this backend yet; `up --stack <name>` creates one.");
            return;
        }

        console.Out.WriteLine($"{"NAME",-24} {"LAST UPDATE",-26} {"RESOURCES",9}");
        foreach (var stack in stacks)
        {
            var name = stack.IsCurrent ? stack.Name + "*" : stack.Name;
            var lastUpdate = stack.IsUpdateInProgress
                ? "in progress"
                : stack.LastUpdate?.ToString("u", CultureInfo.InvariantCulture) ?? "never";
            var resources = stack.ResourceCount?.ToString(CultureInfo.InvariantCulture) ?? "-";
            console.Out.WriteLine($"{name,-24} {lastUpdate,-26} {resources,9}");
        }
    }

    public void Removed(string stackName)
    {
        HumanWriter.WriteLine($"Removed stack '{stackName}' from the backend (Pulumi.{stackName}.yaml is kept).");
        if (json)
        {
            WriteJson(writer =>
            {
                writer.WriteString("stack", stackName);
                writer.WriteBoolean("removed", true);
            });
        }
    }

    /// <summary>Key for a step kind in JSON change maps: the camel-cased name, e.g. <c>createReplacement</c>.</summary>
    public static string JsonKey(StepOperation operation)
    {
        var name = operation.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static void WriteOperationHeader(
        Utf8JsonWriter writer, string operation, string stackName, ChangeSummary changes, TimeSpan duration)
    {
        writer.WriteString("stack", stackName);
        writer.WriteString("operation", operation);
        writer.WriteStartObject("changes");
        foreach (var operationKind in OperationVocabulary.SummaryOrder.Where(kind => changes[kind] > 0))
        {
            writer.WriteNumber(JsonKey(operationKind), changes[operationKind]);
        }

        writer.WriteEndObject();
        writer.WriteNumber("durationSeconds", Math.Round(duration.TotalSeconds, 1));
    }

    private static void WriteOutputsObject(Utf8JsonWriter writer, IReadOnlyDictionary<string, StackOutput> outputs)
    {
        writer.WriteStartObject();
        foreach (var (name, output) in outputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            JsonValueWriter.Write(writer, output.IsSecret ? SecretPlaceholder : output.Value);
        }

        writer.WriteEndObject();
    }

    private void WriteOutputsTable(IReadOnlyDictionary<string, StackOutput> outputs)
    {
        if (outputs.Count == 0)
        {
            return;
        }

        var width = outputs.Keys.Max(name => name.Length);
        HumanWriter.WriteLine("Outputs:");
        foreach (var (name, output) in outputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var text = output.IsSecret ? SecretPlaceholder : JsonValueWriter.ToDisplayText(output.Value);
            HumanWriter.WriteLine($"  {name.PadRight(width)}  {text}");
        }
    }

    private void WriteJson(Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }

        console.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        console.Out.Flush();
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
