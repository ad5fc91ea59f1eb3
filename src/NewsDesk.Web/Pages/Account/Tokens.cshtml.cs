using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Data;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Account;

/// <summary>The signed-in user's personal API tokens: create (the secret is shown once), list, revoke.</summary>
public class TokensModel(NewsDeskDbContext db, ApiTokens tokens) : PageModel
{
    [BindProperty, Required, StringLength(100), Display(Name = "Token name")]
    public string Name { get; set; } = "";

    /// <summary>Read-only tokens can read everything the user can but write nothing.</summary>
    [BindProperty, Display(Name = "Read only")]
    public bool ReadOnly { get; set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The new token's secret, on the response to its creation only.</summary>
    public string? NewSecret { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            // Rendered directly, not redirected: the secret must never travel in a URL or be stored to show again.
            (_, NewSecret) = await tokens.CreateAsync(UserId, Name, cancellationToken, ReadOnly);
            Name = "";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken cancellationToken)
    {
        // Scoped to the signed-in user: another user's token id finds nothing.
        return await tokens.RevokeAsync(UserId, tokenId, cancellationToken) ? RedirectToPage() : NotFound();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == UserId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
}
