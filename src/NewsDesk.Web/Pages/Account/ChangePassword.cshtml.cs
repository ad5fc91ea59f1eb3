using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Account;

/// <summary>Changes the signed-in user's password (the old one is required); other sessions are signed out.</summary>
public class ChangePasswordModel(UserManager<NewsDeskUser> users, SignInManager<NewsDeskUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public bool Changed { get; private set; }

    public sealed class PasswordForm
    {
        [Required, DataType(DataType.Password), Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ."), Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { changed = true });
    }
}
