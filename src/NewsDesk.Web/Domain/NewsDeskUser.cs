using Microsoft.AspNetCore.Identity;

namespace NewsDesk.Web.Domain;

/// <summary>A person who signs in: an ASP.NET Core Identity user (email is the user name) with one role.</summary>
public class NewsDeskUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }
}
