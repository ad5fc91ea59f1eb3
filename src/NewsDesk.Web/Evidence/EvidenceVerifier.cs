using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Data.Auditing;

namespace NewsDesk.Web.Evidence;

/// <summary>What <c>verify</c> found: every capture problem, and the audit chain's first break.</summary>
public sealed record VerifyReport(int CapturesChecked, IReadOnlyList<string> CaptureProblems, int AuditEntries, string? AuditBreak)
{
    public bool Intact => CaptureProblems.Count == 0 && AuditBreak is null;

    public IEnumerable<string> Lines()
    {
        yield return $"captures: {CapturesChecked} checked, {CaptureProblems.Count} problem(s)";
        foreach (var problem in CaptureProblems)
        {
            yield return $"  {problem}";
        }

        yield return AuditBreak is null ? $"audit log: {AuditEntries} entries, hash chain intact" : $"audit log: {AuditBreak}";
        yield return Intact ? "verify: OK" : "verify: FAILED";
    }
}

/// <summary>
/// Recomputes every capture's SHA-256 from the bytes in its WARC file (a flipped byte, a truncated or removed file
/// shows) and walks the audit log's hash chain. Used by the <c>verify</c> verb and the admin's Verify page.
/// </summary>
public sealed class EvidenceVerifier(NewsDeskDbContext db, CaptureFiles files)
{
    public async Task<VerifyReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var checkedCount = 0;
        await foreach (var capture in db.Captures.AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            checkedCount++;
            var where = $"capture #{capture.Id} ({capture.TargetUri}, {capture.WarcFile} at {capture.Offset})";
            if (files.Problem(capture) is { } problem)
            {
                problems.Add($"{where}: {problem}");
                continue;
            }

            var bytes = await files.ReadAsync(capture, cancellationToken);
            if (bytes is null || Convert.ToHexStringLower(SHA256.HashData(bytes)) != capture.StoredSha256)
            {
                problems.Add($"{where}: the stored bytes do not match their SHA-256 (the file was changed)");
            }
        }

        var entries = await db.AuditEntries.CountAsync(cancellationToken);
        var broken = await AuditChain.VerifyAsync(db, cancellationToken);
        return new VerifyReport(checkedCount, problems, entries,
            broken is { } b ? $"first break at entry #{b.Id}: {b.Problem}" : null);
    }
}
