using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>
/// Search of the knowledge base by name, shared by the list pages and the API. LIKE is case-insensitive for
/// ASCII on SQLite; other scripts (Arabic, Persian) match as typed.
/// </summary>
public static class RecordSearch
{
    public static IQueryable<Actor> Matching(this IQueryable<Actor> actors, string? query)
    {
        if (Pattern(query) is not { } pattern)
        {
            return actors.OrderBy(a => a.Name);
        }

        var prefix = Prefix(query!);
        var exact = Escape(query!.Trim());
        return actors
            .Where(a => EF.Functions.Like(a.Name, pattern, EscapeCharacter) || a.Aliases.Any(al => EF.Functions.Like(al.Name, pattern, EscapeCharacter)))
            // Exact names and aliases first ("KH"), then names that start with the query: "Hez" offers Hezbollah
            // before Kataib Hezbollah.
            .OrderBy(a => EF.Functions.Like(a.Name, exact, EscapeCharacter) ? 0
                : a.Aliases.Any(al => EF.Functions.Like(al.Name, exact, EscapeCharacter)) ? 1
                : EF.Functions.Like(a.Name, prefix, EscapeCharacter) ? 2
                : a.Aliases.Any(al => EF.Functions.Like(al.Name, prefix, EscapeCharacter)) ? 3 : 4)
            .ThenBy(a => a.Name);
    }

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
