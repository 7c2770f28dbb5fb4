using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Authorization;

namespace IspPortal.Web.Features.Identity.Authentication;

public static class PermissionPolicies
{
    /// <summary>Claim type carried by API-key principals: one claim per permission the key holds.</summary>
    public const string PermissionClaim = "permission";

    /// <summary>
    /// One policy per permission: users pass through their roles (granted in
    /// <see cref="Permissions.GrantedTo"/>), API keys through their permission claims.
    /// </summary>
    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var (permission, roles) in Permissions.GrantedTo)
        {
            options.AddPolicy(permission, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                    context.User.HasClaim(PermissionClaim, permission) || roles.Any(context.User.IsInRole)));
        }

        // A page or endpoint that names no policy is still closed to anonymous users.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
