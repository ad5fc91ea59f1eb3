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

    /// <summary>True when actors, incidents or assessments narrow the mentions (and so the articles).</summary>
    public bool HasRecordFilter => ActorIds.Count > 0 || IncidentIds.Count > 0 || Assessments.Count > 0;
}

/// <summary>How the files are written: byte-order mark, and whether articles.csv carries the full text.</summary>
public sealed record ExportFormat(bool ByteOrderMark = true, bool IncludeArticleText = false);

/// <summary>How many rows each file of an export will have.</summary>
public sealed record ExportCounts(int Articles, int Mentions, int Actors, int Incidents, int Claims);
