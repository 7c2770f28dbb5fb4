using Microsoft.AspNetCore.Identity;

namespace IspPortal.Core.Identity.TwoFactor;

/// <summary>The Core side of authorization: whether the acting user's roles grant a permission right now.</summary>
public static class UserPermissions
{
    public static async Task<bool> ActorHoldsAsync(this UserManager<PortalUser> users, Actor actor, string permission)
    {
        if (actor.UserId is not { } id || await users.FindByIdAsync(id.ToString()) is not { IsActive: true } user)
            return false;
        var granted = Permissions.GrantedTo[permission];
        return (await users.GetRolesAsync(user)).Any(granted.Contains);
    }
}
