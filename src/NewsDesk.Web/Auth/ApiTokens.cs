using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Auth;

/// <summary>
/// Creates, finds and revokes personal API tokens. A token is 32 random bytes; only its SHA-256 is stored
/// (a slow hash buys nothing for a secret with 256 bits of entropy, and a fast one keeps each API call cheap).
/// </summary>
public sealed class ApiTokens(NewsDeskDbContext db, TimeProvider clock)
{
    public const string Prefix = "nd_";

    /// <summary>Creates a token for the user; the returned secret is the only time it is ever seen.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, CancellationToken cancellationToken, bool readOnly = false)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim(),
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ReadOnly = readOnly,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The live (not revoked) token with this secret, with its user, or null.</summary>
    public Task<ApiToken?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = Hash(secret);
        return db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken);
    }

    /// <summary>Revokes one of the user's tokens; false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
