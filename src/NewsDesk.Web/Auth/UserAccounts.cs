using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Auth;

/// <summary>Creates users with one role and changes roles; shared by the setup page, /admin/users and the <c>users</c> verb.</summary>
public sealed class UserAccounts(UserManager<NewsDeskUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>The outcome: the user, or the reasons (password policy, duplicate email) it was refused.</summary>
    public sealed record Result(NewsDeskUser? User, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => User is not null;
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => users.Users.AnyAsync(cancellationToken);

    public async Task<Result> CreateAsync(string email, string role, string password)
    {
        if (!Roles.IsValid(role))
        {
            return new Result(null, [$"Unknown role '{role}': use {string.Join(", ", Roles.All)}."]);
        }

        await EnsureRolesAsync();
        var user = new NewsDeskUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new Result(null, [.. created.Errors.Select(e => e.Description)]);
        }

        await users.AddToRoleAsync(user, role);
        return new Result(user, []);
    }

    /// <summary>Replaces the user's role.</summary>
    public async Task SetRoleAsync(NewsDeskUser user, string role)
    {
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return;
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        // Signs the user's other sessions out of their old rights at the next stamp check.
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task<string?> RoleOfAsync(NewsDeskUser user) => (await users.GetRolesAsync(user)).FirstOrDefault();

    /// <summary>A password that meets the policy: 20 characters from letters, digits and symbols, each class present.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!@#%+=";
        const string all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chars));
        return new string([.. chars]);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
