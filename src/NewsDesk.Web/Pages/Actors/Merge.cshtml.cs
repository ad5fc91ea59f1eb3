using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Records;

namespace NewsDesk.Web.Pages.Actors;

/// <summary>Merges another actor into this one: its mentions and links move here, its names become aliases.</summary>
public class MergeModel(NewsDeskDbContext db, RecordMerger merger) : MergePageModel
{
    protected override string Noun => "actor";

    protected override Task<string?> FindNameAsync(int id, CancellationToken cancellationToken) =>
        db.Actors.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);

    protected override Task<MergeResult> MergeAsync(int survivorId, int mergedId, CancellationToken cancellationToken) =>
        merger.MergeActorsAsync(survivorId, mergedId, cancellationToken);
}
