using System.Globalization;

namespace OrdersPipeline.Functions.Ingest.Orders;

/// <summary>A field's path, built into text only when a problem names it (valid orders allocate no paths).</summary>
internal readonly record struct FieldPath(string Parent, int Index, string? Name)
{
    public static FieldPath Top(string name) => new(name, -1, null);

    public static FieldPath Item(int index) => new(OrderFields.Items, index, null);

    public FieldPath Child(string name) => new(ToString(), -1, name);

    public FieldPath ChildOfItem(string name) => this with { Name = name };

    public override string ToString() =>
        (Index >= 0 ? $"{Parent}[{Index.ToString(CultureInfo.InvariantCulture)}]" : Parent) +
        (Name is null ? string.Empty : "." + Name);
}
