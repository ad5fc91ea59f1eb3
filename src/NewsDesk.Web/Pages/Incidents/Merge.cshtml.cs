using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Pages.Incidents;

/// <summary>Merges another incident into this one: its mentions, claims and actors move here, its title is kept in the notes.</summary>
public class MergeModel(NewsDeskDbContext db, RecordMerger merger) : MergePageModel
{
    protected override string Noun => "incident";

    protected override Task<string?> FindNameAsync(int id, CancellationToken cancellationToken) =>
        db.Incidents.Where(i => i.Id == id).Select(i => i.Title).FirstOrDefaultAsync(cancellationToken);

    protected override Task<MergeResult> MergeAsync(int survivorId, int mergedId, CancellationToken cancellationToken) =>
        merger.MergeIncidentsAsync(survivorId, mergedId, cancellationToken);
}
