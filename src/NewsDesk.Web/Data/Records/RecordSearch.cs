using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>
/// Search of incidents and claims by text, shared by the list pages and the API. LIKE is case-insensitive for
/// ASCII on SQLite; other scripts (Arabic, Persian) match as typed. Actors, of which there are many more, are found
/// through <see cref="ActorNameIndex"/>.
/// </summary>
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
            .Where(i => EF.Functions.Like(i.Title, pattern, EscapeCharacter)
                || (i.Location != null && EF.Functions.Like(i.Location, pattern, EscapeCharacter))
                || (i.Notes != null && EF.Functions.Like(i.Notes, pattern, EscapeCharacter)))
            .OrderBy(i => EF.Functions.Like(i.Title, Prefix(query!), EscapeCharacter) ? 0 : 1)
            .ThenByDescending(i => i.Date).ThenBy(i => i.Title);
    }

    public static IQueryable<Claim> Matching(this IQueryable<Claim> claims, string? query)
    {
        if (Pattern(query) is not { } pattern)
        {
            return claims.OrderByDescending(c => c.ClaimDate).ThenBy(c => c.Text);
        }

        return claims
            .Where(c => EF.Functions.Like(c.Text, pattern, EscapeCharacter)
                || (c.Claimant != null && (EF.Functions.Like(c.Claimant.Name, pattern, EscapeCharacter) || c.Claimant.Aliases.Any(al => EF.Functions.Like(al.Name, pattern, EscapeCharacter)))))
            .OrderByDescending(c => c.ClaimDate).ThenBy(c => c.Text);
    }

    private const string EscapeCharacter = "\\";

    private static string? Pattern(string? query) =>
        string.IsNullOrWhiteSpace(query) ? null : $"%{Escape(query.Trim())}%";

    private static string Prefix(string query) => $"{Escape(query.Trim())}%";

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
