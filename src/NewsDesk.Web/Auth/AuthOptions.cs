namespace NewsDesk.Web.Auth;

/// <summary>Sign-in settings, bound to the <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Login form posts accepted per client address and minute; more get 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Wrong passwords in a row before an account is locked.</summary>
    public int LockoutAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
