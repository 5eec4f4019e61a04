namespace OrdersPipeline.Functions.Configuration;

/// <summary>The card-number guard's variables (docs/security.md, "Card numbers"), read by both doors and the
/// processor.</summary>
public static class CardNumberEnvironment
{
    /// <summary><c>refuse</c>, <c>mask</c> or <c>off</c>.</summary>
    public static readonly TextVariable Guard = new("CARD_NUMBER_GUARD", "refuse");

    /// <summary>Comma-separated field paths never checked (<c>items[].trackingNo,meta.parcelNumber</c>).</summary>
    public static readonly TextVariable ExemptFields = new("CARD_NUMBER_EXEMPT_FIELDS", "");
}
