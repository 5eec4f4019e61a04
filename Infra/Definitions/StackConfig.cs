namespace OrdersPipeline.Infra.Definitions;

/// <summary>A stack's validated configuration. <see cref="Load"/> checks every key of <see cref="ConfigSchema"/> and
/// the rules across keys, and reports every problem at once, before any resource is registered.</summary>
public sealed class StackConfig
{
    private readonly IReadOnlyDictionary<ConfigKey, object?> _values;
    private readonly IReadOnlySet<ConfigKey> _set;

    private StackConfig(IReadOnlyDictionary<ConfigKey, object?> values, IReadOnlySet<ConfigKey> set) =>
        (_values, _set) = (values, set);

    public T Get<T>(ConfigKey<T> key) => (T)_values[key]!;

    /// <summary>Whether the stack sets the key (any value, the default included), rather than leaving it unset.</summary>
    public bool IsSet(ConfigKey key) => _set.Contains(key);

    private StackParts? _parts;

    /// <summary>Which optional parts this stack has, derived once from the switches.</summary>
    public StackParts Parts => _parts ??= StackParts.From(this);

    public ResourceNames Names => new(Get(ConfigSchema.Environment), Get(ConfigSchema.Team));

    public IReadOnlyDictionary<string, string> Tags => PipelineTags.For(Get(ConfigSchema.Environment), Get(ConfigSchema.Team));

    /// <summary>The emulator the <c>local</c> stack talks to; null for a stack that talks to AWS.</summary>
    public EmulatorSettings? Emulator => Get(ConfigSchema.EmulatorEndpoint) is { } endpoint
        ? new EmulatorSettings(new Uri(endpoint, UriKind.Absolute), Get(ConfigSchema.EmulatorAccessKey),
            Get(ConfigSchema.EmulatorSecretKey))
        : null;

    /// <param name="readKey">Reads a key of the <c>orders-pipeline</c> namespace by short name; null when unset.</param>
    /// <param name="stackName">The stack's name, the default environment.</param>
    /// <exception cref="ConfigValidationException">Any value is invalid; lists every problem.</exception>
    public static StackConfig Load(Func<string, string?> readKey, string stackName)
    {
        ArgumentNullException.ThrowIfNull(readKey);
        var problems = new List<string>();
        var values = new Dictionary<ConfigKey, object?>();
        var set = new HashSet<ConfigKey>();
        foreach (var key in ConfigSchema.Keys)
        {
            var raw = Normalize(readKey(key.Name));
            if (raw is not null)
            {
                set.Add(key);
            }

            var problem = raw is null ? Unset(key, stackName) : ConfigSchema.ValidateValue(key.Name, raw);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            values[key] = key.Read(raw, stackName);
        }

        // Rules across keys run only when the keys they read are valid on their own: one mistake, one message.
        var config = new StackConfig(values, set);
        if (values.ContainsKey(ConfigSchema.Environment) && values.ContainsKey(ConfigSchema.Team))
        {
            problems.AddRange(config.Names.Validate());
            // The names of the optional parts that are on, each once the keys it reads are valid.
            foreach (var (keys, names) in OptionalNames)
            {
                if (keys.All(values.ContainsKey))
                {
                    problems.AddRange(config.Names.Validate(names(config)));
                }
            }
        }

        if (values.ContainsKey(ConfigSchema.AuditTimeoutSeconds))
        {
            problems.AddRange(QueueRules.ValidateAuditTimeout(config.Get(ConfigSchema.AuditTimeoutSeconds)));
        }

        if (ProtectionKeys.All(values.ContainsKey))
        {
            problems.AddRange(ProtectionRules.Validate(config));
        }

        if (EdgeRules.Keys.All(values.ContainsKey))
        {
            problems.AddRange(EdgeRules.Validate(config));
        }

        if (AccountSingletons.Keys.All(values.ContainsKey))
        {
            problems.AddRange(AccountSingletons.Validate(config));
        }

        return problems.Count == 0 ? config : throw new ConfigValidationException(problems);
    }

    /// <summary>The resource names of each optional part (the ingest doors, docs/ingest.md; the edge and network
    /// controls, docs/edge-and-network.md): empty when the part is off.</summary>
    private static readonly (ConfigKey[] Keys, Func<StackConfig, IReadOnlyList<(string, ServiceNameRule)>> Names)[]
        OptionalNames =
        [
            ([ConfigSchema.HttpIngest, ConfigSchema.FileIngest],
                config => config.Names.Ingest(config.Get(ConfigSchema.HttpIngest), config.Get(ConfigSchema.FileIngest))),
            ([ConfigSchema.Cdn, ConfigSchema.CdnPublicKeyPem],
                config => config.Names.ContentDelivery(config.Get(ConfigSchema.Cdn),
                    config.Get(ConfigSchema.CdnPublicKeyPem))),
            ([ConfigSchema.Waf], config => config.Get(ConfigSchema.Waf) ? config.Names.Waf() : []),
            ([ConfigSchema.Vpc, ConfigSchema.VpcId],
                config => config.Names.Network(config.Get(ConfigSchema.Vpc), config.Get(ConfigSchema.VpcId) is null)),
            ([.. StackParts.Keys], config => config.Names.ThreatDetection(config.Parts.GuardDuty,
                ConfigRuleSet.For(config).Select(rule => rule.Name).ToArray(), config.Parts.ConfigRecorder)),
        ];

    private static readonly ConfigKey[] ProtectionKeys =
    [
        ConfigSchema.Encryption, ConfigSchema.KmsKeyArn,
    ];

    // Pulumi stores unset keys as absent; an empty value is treated the same, so `config set key ""` clears it.
    private static string? Normalize(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    private static string? Unset(ConfigKey key, string stackName)
    {
        if (key.IsRequired)
        {
            return $"Config '{ConfigSchema.FullName(key.Name)}' is required but not set: "
                   + $"run `pulumi config set {ConfigSchema.FullName(key.Name)} <value>`.";
        }

        // A default taken from the stack name can itself be invalid (a stack called "Prod", say).
        return key == ConfigSchema.Environment && key.Check(stackName) is { } allowed
            ? $"{ConfigSchema.Problem(key.Name, stackName, allowed)} (the value comes from the stack name; "
              + "set the key to override it)"
            : null;
    }
}
