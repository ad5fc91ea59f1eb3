using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Account;

/// <summary>Signs a person in with email and password; wrong passwords count towards a lockout, posts are rate-limited.</summary>
[EnableRateLimiting(AuthSetup.LoginRateLimit)]
public class LoginModel(SignInManager<NewsDeskUser> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginForm
    {
        [Required, EmailAddress]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Form.Email.Trim(), Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", Form.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for {Email}: locked out", Form.Email);
            ModelState.AddModelError(string.Empty, "This account is locked after too many wrong passwords. Try again later or ask an admin.");
        }
        else
        {
            // One message for an unknown email and a wrong password: the form must not reveal who has an account.
            ModelState.AddModelError(string.Empty, "Wrong email or password.");
        }

        return Page();
    }
}
