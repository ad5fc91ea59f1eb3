using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Evidence;

namespace NewsDesk.Web.Pages.Admin;

/// <summary>Admins run the same check as the <c>verify</c> verb: captures against their digests, the audit chain.</summary>
public class VerifyModel(EvidenceVerifier verifier) : PageModel
{
    public VerifyReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Report = await verifier.VerifyAsync(cancellationToken);
        return Page();
    }
}
