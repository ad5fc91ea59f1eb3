using System.Text;
using NewsDesk.Web.Data.TextSearch;

namespace NewsDesk.Web.Data.Postgres;

/// <summary>
/// What PostgreSQL needs beyond EF's tables, run by the migrations in <c>Data/Postgres/Migrations</c>: the folding
/// function generated from <see cref="TextFolding"/> (the same table the SQLite triggers are built from, so both
/// engines fold alike), the stored <c>tsvector</c> column with its GIN index, trigram indexes for the name
/// type-ahead, and triggers that keep the audit log append-only.
/// </summary>
public static class PostgresSchema
{
    public static string Create() => $"""
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE FUNCTION newsdesk_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
          RETURN translate(value, {Literal(FoldFrom())}, {Literal(FoldTo())});
        ALTER TABLE "Articles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple'::regconfig, newsdesk_fold(coalesce("Title", ''))), 'A') ||
          setweight(to_tsvector('simple'::regconfig, newsdesk_fold(coalesce("Byline", ''))), 'B') ||
          setweight(to_tsvector('simple'::regconfig, newsdesk_fold(coalesce("SiteName", ''))), 'B') ||
          setweight(to_tsvector('simple'::regconfig, newsdesk_fold(coalesce("Text", ''))), 'D')) STORED;
        CREATE INDEX "IX_Articles_SearchVector" ON "Articles" USING gin ("SearchVector");
        CREATE INDEX "IX_Actors_Name_trgm" ON "Actors" USING gin (lower("Name") gin_trgm_ops);
        CREATE INDEX "IX_ActorAliases_Name_trgm" ON "ActorAliases" USING gin (lower("Name") gin_trgm_ops);
        CREATE FUNCTION newsdesk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'The audit log is append-only.'; END $$;
        CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
          FOR EACH ROW EXECUTE FUNCTION newsdesk_audit_append_only();
        """;

    public static string Drop() => """
        DROP TRIGGER IF EXISTS "AuditEntries_append_only" ON "AuditEntries";
        DROP FUNCTION IF EXISTS newsdesk_audit_append_only();
        DROP INDEX IF EXISTS "IX_ActorAliases_Name_trgm";
        DROP INDEX IF EXISTS "IX_Actors_Name_trgm";
        ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchVector";
        DROP FUNCTION IF EXISTS newsdesk_fold(text);
        """;

    // translate() maps the n-th character of "from" to the n-th of "to" and drops the characters "to" is too short
    // for: mapped characters first, removed ones after.
    private static string FoldFrom() =>
        new([.. TextFolding.Mappings.Where(m => m.To.Length == 1).Select(m => m.From), .. TextFolding.Mappings.Where(m => m.To.Length == 0).Select(m => m.From)]);

    private static string FoldTo() => string.Concat(TextFolding.Mappings.Where(m => m.To.Length == 1).Select(m => m.To));

    private static string Literal(string value)
    {
        // U&'…' escapes keep the migration's SQL plain ASCII (combining marks are invisible in an editor).
        var builder = new StringBuilder("U&'");
        foreach (var c in value)
        {
            builder.Append(c < 128 && c != '\'' && c != '\\' ? c.ToString() : $"\\{(int)c:X4}");
        }

        return builder.Append('\'').ToString();
    }
}
