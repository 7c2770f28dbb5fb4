using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace IspPortal.Infrastructure.Identity;

/// <summary>The six roles are part of the product, so every database has them, demo or not.</summary>
public static class RoleSetup
{
    public static async Task EnsureRolesAsync(RoleManager<PortalRole> roles)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
                ThrowIfFailed(await roles.CreateAsync(new PortalRole(name)), $"create role {name}");
        }
    }

    public static void ThrowIfFailed(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
