using Microsoft.AspNetCore.Mvc.Rendering;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Pages;

/// <summary>Select lists of enum values labelled as readers write them (Html.GetEnumSelectList shows "CasualtyFigure").</summary>
public static class EnumOptions
{
    public static IReadOnlyList<SelectListItem> For<T>()
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new SelectListItem(v.Display(), v.ToString()))];
}
