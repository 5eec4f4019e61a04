using System.Globalization;
using OrdersPipeline.Functions.Configuration;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The environment Infra gives each function, built from the variables the Functions side declares
/// (<see cref="ProcessorEnvironment"/>, <see cref="AuditEnvironment"/>). Resource names known only at deploy time
/// are added by the components under <see cref="RequiredVariable.Name"/>.</summary>
public static class FunctionEnvironment
{
    /// <summary>The processor's variables except <see cref="ProcessorEnvironment.BucketName"/>.</summary>
    public static IReadOnlyDictionary<string, string> Processor(int maxConcurrency, bool conditionalWrites) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProcessorEnvironment.KeyAttribute.Name] = PipelineDefaults.OrdersTableHashKey,
            [ProcessorEnvironment.KeyPrefix.Name] = PipelineDefaults.ProcessedKeyPrefix,
            [ProcessorEnvironment.MaxConcurrency.Name] = maxConcurrency.ToString(CultureInfo.InvariantCulture),
            [ProcessorEnvironment.ConditionalWrites.Name] = conditionalWrites ? "true" : "false",
        };

    /// <summary>The card-number guard's variables, the same for the processor and both doors.</summary>
    public static IReadOnlyDictionary<string, string> CardNumbers(StackConfig config) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CardNumberEnvironment.Guard.Name] =
                ChoiceNames.NameOf(Functions.Privacy.CardNumberGuard.ModesByName, config.Get(ConfigSchema.CardNumberGuard)),
            [CardNumberEnvironment.ExemptFields.Name] = config.Get(ConfigSchema.CardNumberExemptFields) ?? string.Empty,
        };
}
