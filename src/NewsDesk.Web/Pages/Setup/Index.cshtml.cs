using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Setup;

/// <summary>
/// First run: creates the first admin and signs them in. Answers only while no user exists, and only to the
/// machine itself; afterwards it is gone (404), whoever asks.
/// </summary>
public class IndexModel(UserAccounts accounts, SignInManager<NewsDeskUser> signIn, FirstRun firstRun, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public SetupForm Form { get; set; } = new();

    public sealed class SetupForm
    {
        [Required, EmailAddress]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await RefusalAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RefusalAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.CreateAsync(Form.Email, Roles.Admin, Form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return Page();
        }

        logger.LogInformation("First admin {Email} created on the setup page", Form.Email);
        await signIn.SignInAsync(result.User!, isPersistent: false);
        return Redirect("/");
    }

    private async Task<IActionResult?> RefusalAsync(CancellationToken cancellationToken)
    {
        if (!await firstRun.NeedsSetupAsync(HttpContext.RequestServices, cancellationToken))
        {
            return NotFound();
        }

        return FirstRun.IsLocal(HttpContext) ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
