using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Admin.Users;

/// <summary>Admins invite people (with a one-time password), change their role, and lock or unlock them.</summary>
public class IndexModel(UserManager<NewsDeskUser> users, UserAccounts accounts, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InviteForm Invite { get; set; } = new();

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>The generated password of the user just added, shown once.</summary>
    public string? NewPassword { get; private set; }
    public string? NewEmail { get; private set; }

    public sealed class InviteForm
    {
        [Required, EmailAddress]
        public string Email { get; set; } = "";

        [Required]
        public string Role { get; set; } = NewsDesk.Web.Auth.Roles.Editor;
    }

    public sealed record UserRow(string Id, string Email, string? Role, bool LockedOut, DateTime CreatedAt);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (ModelState.IsValid)
        {
            var password = UserAccounts.GeneratePassword();
            var result = await accounts.CreateAsync(Invite.Email, Invite.Role, password);
            if (result.Succeeded)
            {
                NewEmail = result.User!.Email;
                NewPassword = password;
                Invite = new InviteForm();
                ModelState.Clear();
            }
            else
            {
                result.Errors.ToList().ForEach(e => ModelState.AddModelError(string.Empty, e));
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role)
    {
        if (await users.FindByIdAsync(userId) is not { } user || !NewsDesk.Web.Auth.Roles.IsValid(role))
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User) && role != NewsDesk.Web.Auth.Roles.Admin)
        {
            // The last way back into user management must not be closed by accident.
            ModelState.AddModelError(string.Empty, "You cannot take away your own admin role.");
            await LoadAsync();
            return Page();
        }

        await accounts.SetRoleAsync(user, role);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLockAsync(string userId, bool locked)
    {
        if (await users.FindByIdAsync(userId) is not { } user || user.Id == users.GetUserId(User))
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var now = clock.GetUtcNow();
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            rows.Add(new UserRow(user.Id, user.Email ?? user.Id, await accounts.RoleOfAsync(user), user.LockoutEnd > now, user.CreatedAt));
        }

        Rows = rows;
    }
}
