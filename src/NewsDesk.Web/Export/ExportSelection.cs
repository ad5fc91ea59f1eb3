using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Export;

/// <summary>
/// What an export holds. Article filters (collection, dates, sources) choose the articles; record filters
/// (actors, incidents, claim assessments) and record types choose which of their mentions are exported.
/// docs/export.md states the rules in full.
/// </summary>
public sealed record ExportSelection
{
    public int? CollectionId { get; init; }

    /// <summary>First publication day included (the article's own date, inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last publication day included (inclusive).</summary>
    public DateOnly? To { get; init; }

    public IReadOnlyList<int> SourceIds { get; init; } = [];
    public IReadOnlyList<int> ActorIds { get; init; } = [];
    public IReadOnlyList<int> IncidentIds { get; init; } = [];
    public IReadOnlyList<ClaimAssessment> Assessments { get; init; } = [];

    /// <summary>Mention record types kept; empty means all three.</summary>
    public IReadOnlyList<RecordType> RecordTypes { get; init; } = [];

    /// <summary>Leave out the records no article mentions (by default they are exported when the filters pick them).</summary>
    public bool MentionedOnly { get; init; }

    /// <summary>True when actors, incidents or assessments narrow the mentions (and so the articles).</summary>
    public bool HasRecordFilter => ActorIds.Count > 0 || IncidentIds.Count > 0 || Assessments.Count > 0;

    /// <summary>True when a collection, dates or sources choose the articles.</summary>
    public bool HasArticleFilter => CollectionId is not null || From is not null || To is not null || SourceIds.Count > 0;

    /// <summary>No filter at all: the whole store, every record whether mentioned or not.</summary>
    public bool IsEverything => !HasArticleFilter && !HasRecordFilter && RecordTypes.Count == 0 && !MentionedOnly;

    /// <summary>Whether a record of this type that no article mentions can be in the selection at all.</summary>
    public bool UnmentionedCanMatch(RecordType type) =>
        !MentionedOnly && CollectionId is null && SourceIds.Count == 0 && (RecordTypes.Count == 0 || RecordTypes.Contains(type));
}

/// <summary>How the files are written: byte-order mark, and whether articles.csv carries the full text.</summary>
public sealed record ExportFormat(bool ByteOrderMark = true, bool IncludeArticleText = false);

/// <summary>How many rows each file of an export will have (claims.jsonld has one object per claim, incidents.geojson one feature per incident).</summary>
public sealed record ExportCounts(int Articles, int Mentions, int Actors, int Incidents, int Claims)
{
    /// <summary>The rows (or objects) of the file with this name.</summary>
    public int Of(string fileName) => fileName switch
    {
        "articles.csv" => Articles,
        "mentions.csv" => Mentions,
        "actors.csv" => Actors,
        "incidents.csv" or "incidents.geojson" => Incidents,
        _ => Claims,
    };
}
