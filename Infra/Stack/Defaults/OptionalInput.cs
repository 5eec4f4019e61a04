using Pulumi;

namespace OrdersPipeline.Infra.Defaults;

/// <summary>Pulumi's Output-to-Input conversion wraps a null Output instead of yielding null; an optional setting
/// (the stack key, say) goes through here so "none" stays unset.</summary>
internal static class OptionalInput
{
    public static Input<T>? OrNone<T>(this Output<T>? value) => value is null ? null : (Input<T>)value;
}
