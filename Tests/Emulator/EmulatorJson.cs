using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrdersPipeline.Emulator;

/// <summary>Reflection-based JSON for the test-side AWS JSON protocol calls (not on any Lambda path).</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
