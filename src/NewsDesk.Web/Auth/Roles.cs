namespace NewsDesk.Web.Auth;

/// <summary>The three roles: admin (everything, users, sources), editor (annotate, edit records, collections), viewer (read, export).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Editor, Viewer];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);
}

/// <summary>The authorization policies pages and endpoints name.</summary>
public static class Policies
{
    /// <summary>Any signed-in user (their own account pages).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Everyone signed in reads; only editors and admins change anything. The fallback for every endpoint.</summary>
    public const string EditorWrites = "editor-writes";

    /// <summary>Everyone signed in reads; only admins change anything (sources).</summary>
    public const string AdminWrites = "admin-writes";

    /// <summary>Admins only, reading included (users, audit log).</summary>
    public const string Admin = "admin";
}
