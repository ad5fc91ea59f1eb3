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
public class LoginModel(SignInManager<NewsDeskUser> signIn, IPasswordHasher<NewsDeskUser> hasher, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>
    /// The one answer to every failed sign-in (unknown email, wrong password, locked account): a different lockout
    /// message told an attacker which emails have accounts.
    /// </summary>
    public const string FailedMessage = "Wrong email or password. After 5 wrong passwords an account is locked for 15 minutes.";

    // A real hash of nothing anyone knows, checked when there is no password to check, so an unknown or locked
    // account costs the same hashing time as a real one (3 ms against 40 ms told them apart).
    private static readonly Lazy<string> _decoyHash = new(() =>
        new PasswordHasher<NewsDeskUser>().HashPassword(new NewsDeskUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

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

        var user = await signIn.UserManager.FindByNameAsync(Form.Email.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", Form.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (user is null || result.IsLockedOut)
        {
            // Identity checked no password in these cases; spend the same work as if it had.
            hasher.VerifyHashedPassword(user ?? new NewsDeskUser(), _decoyHash.Value, Form.Password);
        }

        logger.LogWarning("Sign-in refused for {Email}: {Reason}", Form.Email,
            user is null ? "no such account" : result.IsLockedOut ? "locked out" : "wrong password");
        ModelState.AddModelError(string.Empty, FailedMessage);
        return Page();
    }
}
