using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>
/// Search of incidents and claims by text, shared by the list pages and the API. Field and query both go through
/// the engine's own lower() (SQLite's LIKE ignores ASCII case, PostgreSQL's does not; lowering one side in C# would
/// disagree with the engine's idea of case). Arabic and Persian match as typed. Actors, of which there are many
/// more, are found through <see cref="ActorNameIndex"/>.
/// </summary>
// ToLower() here is never run by .NET: EF turns it into the engine's lower() on both sides of LIKE.
#pragma warning disable CA1304, CA1311
public static class RecordSearch
{
    public static IQueryable<Incident> Matching(this IQueryable<Incident> incidents, string? query)
    {
        if (Pattern(query) is not { } pattern)
        {
            return incidents.OrderByDescending(i => i.Date).ThenBy(i => i.Title);
        }

        return incidents
            // Notes too: a merge keeps the other incident's title there ("Also reported as: ..."), as actors keep aliases.
            .Where(i => EF.Functions.Like(i.Title.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter)
                || (i.Location != null && EF.Functions.Like(i.Location.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter))
                || (i.Notes != null && EF.Functions.Like(i.Notes.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter)))
            .OrderBy(i => EF.Functions.Like(i.Title.ToLower(), EF.Parameter(Prefix(query!)).ToLower(), EscapeCharacter) ? 0 : 1)
            .ThenByDescending(i => i.Date).ThenBy(i => i.Title);
    }

    public static IQueryable<Claim> Matching(this IQueryable<Claim> claims, string? query)
    {
        if (Pattern(query) is not { } pattern)
        {
            return claims.OrderByDescending(c => c.ClaimDate).ThenBy(c => c.Text);
        }

        return claims
            .Where(c => EF.Functions.Like(c.Text.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter)
                || (c.Claimant != null && (EF.Functions.Like(c.Claimant.Name.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter) || c.Claimant.Aliases.Any(al => EF.Functions.Like(al.Name.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter)))))
            .OrderByDescending(c => c.ClaimDate).ThenBy(c => c.Text);
    }

    private const string EscapeCharacter = "\\";

    private static string? Pattern(string? query) =>
        string.IsNullOrWhiteSpace(query) ? null : $"%{Escape(query.Trim())}%";

    private static string Prefix(string query) => $"{Escape(query.Trim())}%";

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
#pragma warning restore CA1304, CA1311
