using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Export;

namespace NewsDesk.Web.Pages.Export;

/// <summary>
/// The export page: choose a collection or filters, see how many rows each file will have, then download a ZIP
/// of all the CSV files or any one of them. Same <see cref="ExportService"/> as the <c>export</c> verb.
/// </summary>
public class IndexModel(NewsDeskDbContext db, ExportService export, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "collection")]
    public int? CollectionId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public List<int> SourceIds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "actor")]
    public List<int> ActorIds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "incident")]
    public List<int> IncidentIds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "assessment")]
    public List<ClaimAssessment> Assessments { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "type")]
    public List<RecordType> RecordTypes { get; set; } = [];

    /// <summary>Leave out records no article mentions.</summary>
    [BindProperty(SupportsGet = true, Name = "mentioned")]
    public bool MentionedOnly { get; set; }

    /// <summary>Add the articles' full text to articles.csv.</summary>
    [BindProperty(SupportsGet = true, Name = "text")]
    public bool IncludeText { get; set; }

    /// <summary>Leave out the UTF-8 byte-order mark (some tools other than Excel prefer it so).</summary>
    [BindProperty(SupportsGet = true, Name = "nobom")]
    public bool NoBom { get; set; }

    public ExportCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);
    public IReadOnlyList<Choice> Collections { get; private set; } = [];
    public IReadOnlyList<Choice> Sources { get; private set; } = [];
    public IReadOnlyList<Choice> Actors { get; private set; } = [];
    public IReadOnlyList<Choice> Incidents { get; private set; } = [];

    public ExportSelection Selection => new()
    {
        CollectionId = CollectionId,
        From = From,
        To = To,
        SourceIds = SourceIds,
        ActorIds = ActorIds,
        IncidentIds = IncidentIds,
        Assessments = Assessments,
        RecordTypes = RecordTypes,
        MentionedOnly = MentionedOnly,
    };

    public ExportFormat Format => new(ByteOrderMark: !NoBom, IncludeArticleText: IncludeText);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError(nameof(From), "The first day comes after the last day: swap them.");
        }

        await LoadChoicesAsync(cancellationToken);
        Counts = await export.CountAsync(Selection, cancellationToken);
        return Page();
    }

    /// <summary>All the CSV files as one ZIP, written straight to the response as rows are read.</summary>
    public async Task<IActionResult> OnGetZipAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(ModelState);
        }

        StartDownload("application/zip", $"newsdesk-export-{Stamp()}.zip");
        // Rows are written asynchronously, but a ZIP entry's stream (.NET 10) writes its last deflate block and
        // data descriptor synchronously when disposed: a few bytes per file, so allow it for this response only.
        HttpContext.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        await export.WriteZipAsync(Selection, Format, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>
    /// The evidence bundle (the same as <c>export --evidence --zip</c>): the files of the ZIP, the WARC records of the
    /// articles' versions the mentions point at, manifest.json and SHA256SUMS, with the signed-in user as exporter.
    /// </summary>
    public async Task<IActionResult> OnGetEvidenceAsync([FromServices] EvidenceBundleWriter bundle, [FromServices] CurrentActor actor, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(ModelState);
        }

        StartDownload("application/zip", $"newsdesk-evidence-{Stamp()}.zip");
        HttpContext.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        await bundle.WriteAsync(Selection, Format, actor.Name, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>One file: a CSV table, claims.jsonld or incidents.geojson.</summary>
    public async Task<IActionResult> OnGetFileAsync(string name, CancellationToken cancellationToken)
    {
        if (ExportService.FindFile(name) is not { } file)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BadRequest(ModelState);
        }

        StartDownload(file.ContentType, file.FileName);
        await export.WriteFileAsync(file, Selection, Format, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The current choices as a query string, for the download links.</summary>
    public string DownloadUrl(string handler, string? file = null)
    {
        var query = new List<KeyValuePair<string, string?>> { new("handler", handler) };
        if (file is not null)
        {
            query.Add(new("name", file));
        }

        if (CollectionId is { } collection)
        {
            query.Add(new("collection", collection.ToString(CultureInfo.InvariantCulture)));
        }

        if (From is { } from)
        {
            query.Add(new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (To is { } to)
        {
            query.Add(new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        query.AddRange(SourceIds.Select(id => new KeyValuePair<string, string?>("source", id.ToString(CultureInfo.InvariantCulture))));
        query.AddRange(ActorIds.Select(id => new KeyValuePair<string, string?>("actor", id.ToString(CultureInfo.InvariantCulture))));
        query.AddRange(IncidentIds.Select(id => new KeyValuePair<string, string?>("incident", id.ToString(CultureInfo.InvariantCulture))));
        query.AddRange(Assessments.Select(a => new KeyValuePair<string, string?>("assessment", a.ToString())));
        query.AddRange(RecordTypes.Select(t => new KeyValuePair<string, string?>("type", t.ToString())));
        if (MentionedOnly)
        {
            query.Add(new("mentioned", "true"));
        }

        if (IncludeText)
        {
            query.Add(new("text", "true"));
        }

        if (NoBom)
        {
            query.Add(new("nobom", "true"));
        }

        return Url.Page("/Export/Index")! + QueryString.Create(query);
    }

    private void StartDownload(string contentType, string fileName)
    {
        Response.ContentType = contentType;
        Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
    }

    private string Stamp() => clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Collections = await db.Collections.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        Sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
        Actors = await db.Actors.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(cancellationToken);
        Incidents = await db.Incidents.AsNoTracking().OrderBy(i => i.Title).Select(i => new Choice(i.Id, i.Title)).ToListAsync(cancellationToken);
    }

    public sealed record Choice(int Id, string Name);
}
