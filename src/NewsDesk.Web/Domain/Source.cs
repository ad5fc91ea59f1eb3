namespace NewsDesk.Web.Domain;

/// <summary>A place editors asked NewsDesk to pull articles from, with its schedule and fetch state.</summary>
public class Source
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The feed, sitemap or page URL as the editor gave it (after normalisation).</summary>
    public required string Url { get; set; }
    public SourceKind Kind { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Bumped by the context when an editor-set field changes (not on fetch bookkeeping), so the edit form can
    /// refuse to save over someone else's change. Not an EF concurrency token: the scraper's writes must never fail on it.
    /// </summary>
    public int Version { get; set; }

    /// <summary>How often to look for new items when the source behaves; clamped by the scheduler.</summary>
    public int FetchIntervalMinutes { get; set; } = 60;

    /// <summary>How far what this source publishes has proved reliable (Admiralty A–F); null until an editor grades it.</summary>
    public SourceReliability? Reliability { get; set; }

    /// <summary>The source's reach (ACLED source scale); incidents.csv derives an incident's source_scale from it.</summary>
    public SourceScale? Scale { get; set; }

    // Fetch state: what the last attempt did and when the next one is due.
    public DateTime? LastFetchedAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public DateTime? NextFetchAt { get; set; }
    public int? LastHttpStatus { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveErrors { get; set; }

    /// <summary>Set by "fetch now"; the scraper picks the source up at its next tick and clears it.</summary>
    public DateTime? FetchRequestedAt { get; set; }

    /// <summary>
    /// The app instance fetching the source now, and until when its claim holds: another instance (or "fetch now")
    /// leaves the source alone until then, and a claim left by an instance that died simply runs out.
    /// </summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    // Conditional GET validators from the last 200 response.
    public string? ETag { get; set; }
    public string? LastModified { get; set; }

    public List<SourceFetch> Fetches { get; set; } = [];
    public List<Article> Articles { get; set; } = [];
}

public enum SourceKind
{
    Feed,
    Sitemap,
    Page,
}
