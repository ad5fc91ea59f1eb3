using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Records;

/// <summary>
/// Search of the knowledge base by name, shared by the list pages and the API. Name and query both go through the
/// engine's own lower() (SQLite's LIKE ignores ASCII case, PostgreSQL's does not; lowering one side in C# would
/// disagree with the engine's idea of case); on PostgreSQL trigram indexes on lower(name) serve the type-ahead's
/// <c>%query%</c>. Arabic and Persian match as typed.
/// </summary>
// ToLower() here is never run by .NET: EF turns it into the engine's lower() on both sides of LIKE.
#pragma warning disable CA1304, CA1311
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
            .Where(a => EF.Functions.Like(a.Name.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter) || a.Aliases.Any(al => EF.Functions.Like(al.Name.ToLower(), EF.Parameter(pattern).ToLower(), EscapeCharacter)))
            // Exact names and aliases first ("KH"), then names that start with the query: "Hez" offers Hezbollah
            // before Kataib Hezbollah.
            .OrderBy(a => EF.Functions.Like(a.Name.ToLower(), EF.Parameter(exact).ToLower(), EscapeCharacter) ? 0
                : a.Aliases.Any(al => EF.Functions.Like(al.Name.ToLower(), EF.Parameter(exact).ToLower(), EscapeCharacter)) ? 1
                : EF.Functions.Like(a.Name.ToLower(), EF.Parameter(prefix).ToLower(), EscapeCharacter) ? 2
                : a.Aliases.Any(al => EF.Functions.Like(al.Name.ToLower(), EF.Parameter(prefix).ToLower(), EscapeCharacter)) ? 3 : 4)
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
