using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages;

/// <summary>Error pages: re-executed for error status codes and unhandled exceptions.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    /// <summary>The change failed for want of disk space and was rolled back (the page says so and what to do).</summary>
    public bool DiskFull { get; private set; }

    /// <summary>The database server could not be reached; the page asks to try again shortly.</summary>
    public bool StoreUnreachable { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Only error codes: /Error/1 would otherwise set an invalid status and fail with a 500 of its own.
        Code = code is null ? StatusCodes.Status500InternalServerError : code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
        var error = code is null ? HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error : null;
        if (StorageFull.Is(error))
        {
            DiskFull = true;
            Code = StatusCodes.Status507InsufficientStorage;
        }
        else if (Data.StoreUnreachable.Is(error))
        {
            StoreUnreachable = true;
            ViewData["NoStoreReads"] = true;
            Code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Data.StoreUnreachable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = Code;
    }
}
