namespace NewsDesk.Web.Domain;

/// <summary>
/// The reach of a source, as ACLED's codebook sorts its sources ("Source scale"): local news outlets are
/// subnational, a country's press national, and so on; new media are social media and messaging channels,
/// "other" reports of NGOs, governments and the like, a local partner an organisation reporting to the newsroom.
/// </summary>
public enum SourceScale
{
    Subnational,
    National,
    Regional,
    International,
    NewMedia,
    LocalPartner,
    Other,
}

/// <summary>An incident's ACLED <c>source_scale</c>, derived from the scales of the sources that report it.</summary>
public static class SourceScales
{
    // The order ACLED writes a combination in ("Local partner-Other", "Other-New media", "New media-National",
    // "Subnational-National", "National-International"): partner, other and new media before the press, and
    // the press from the narrowest reach to the widest.
    private static readonly SourceScale[] _combinationOrder =
    [
        SourceScale.LocalPartner, SourceScale.Other, SourceScale.NewMedia,
        SourceScale.Subnational, SourceScale.National, SourceScale.Regional, SourceScale.International,
    ];

    /// <summary>ACLED's wording of a scale.</summary>
    public static string Label(SourceScale scale) => scale switch
    {
        SourceScale.NewMedia => "New media",
        SourceScale.LocalPartner => "Local partner",
        _ => scale.ToString(),
    };

    /// <summary>
    /// The distinct scales of the reporting sources joined with "-" in ACLED's order ("National-International");
    /// null when none of them has a scale.
    /// </summary>
    public static string? Combined(IEnumerable<SourceScale?> reportingScales)
    {
        var present = reportingScales.OfType<SourceScale>().ToHashSet();
        return present.Count == 0 ? null : string.Join("-", _combinationOrder.Where(present.Contains).Select(Label));
    }
}
