using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages.Account;

/// <summary>Signs out. POST only (with the antiforgery token): a link or an image on another site cannot sign anyone out.</summary>
public class LogoutModel(SignInManager<NewsDeskUser> signIn) : PageModel
{
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
