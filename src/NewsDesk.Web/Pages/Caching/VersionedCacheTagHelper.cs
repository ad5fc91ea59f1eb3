using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using NewsDesk.Web.Data;

namespace NewsDesk.Web.Pages.Caching;

/// <summary>
/// <c>&lt;versioned-cache key="..."&gt;</c>: renders its content once per key and store version and serves the
/// markup from <see cref="VersionedCache"/> until something is saved. Unlike ASP.NET's <c>&lt;cache&gt;</c>, which
/// copies its stored characters into the page's buffer on every hit, the fragment is kept as one string that the
/// page writes straight to the response: on a 100 KB mentions panel that copy was a fifth of the request.
/// The content must not depend on the user (nothing is varied by user or role).
/// </summary>
[HtmlTargetElement("versioned-cache")]
public sealed class VersionedCacheTagHelper(VersionedCache cache) : TagHelper
{
    /// <summary>What the fragment depends on besides the store: an article id, a query string.</summary>
    public string Key { get; set; } = "";

    /// <summary>Render again after bookkeeping-only saves too (the fragment shows when sources were fetched).</summary>
    public bool IncludeBookkeeping { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var html = await cache.GetOrLoadAsync(
            (typeof(VersionedCacheTagHelper), context.UniqueId, Key),
            async _ =>
            {
                var content = await output.GetChildContentAsync();
                await using var writer = new StringWriter();
                content.WriteTo(writer, HtmlEncoder.Default);
                return new HtmlString(writer.ToString());
            },
            fragment => 2L * (fragment.Value?.Length ?? 0),
            CancellationToken.None,
            IncludeBookkeeping);
        output.Content.SetHtmlContent(html);
    }
}
