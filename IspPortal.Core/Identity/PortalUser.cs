using Microsoft.AspNetCore.Identity;

namespace IspPortal.Core.Identity;

/// <summary>A person who signs in to the portal (table <c>users</c>).</summary>
public class PortalUser : IdentityUser<Guid>
{
    public const int FullNameMaxLength = 120;

    public string FullName { get; set; } = "";

    /// <summary>"id" or "en"; the portal's language for this user.</summary>
    public string Culture { get; set; } = PortalCultures.Indonesian;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }
}

public class PortalRole : IdentityRole<Guid>
{
    public PortalRole() { }

    public PortalRole(string name) : base(name) { }
}

public static class PortalCultures
{
    public const string Indonesian = "id";
    public const string English = "en";
    public static readonly string[] All = [Indonesian, English];
}
