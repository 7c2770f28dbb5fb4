using System.Security.Claims;
using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace IspPortal.Web.Features.Identity.Authentication;

/// <summary>
/// The actor for audit and "done by" columns: the HTTP request's user (API, sign-in), or inside a
/// Blazor circuit the circuit's user; in a scope a use case opened for itself the actor it carried
/// in; the system when none of these exists (jobs, seeding).
/// </summary>
public sealed class PortalCurrentUser(IHttpContextAccessor http, IServiceProvider services, CarriedActor carried) : ICurrentUser
{
    public async ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        if (carried.Actor is { } actor)
            return actor;

        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } requestUser)
            return ToActor(requestUser);

        if (services.GetService<AuthenticationStateProvider>() is { } circuitAuth)
        {
            try
            {
                var state = await circuitAuth.GetAuthenticationStateAsync();
                if (state.User.Identity?.IsAuthenticated == true)
                    return ToActor(state.User);
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit (a job's scope) the provider has no state to give.
            }
        }
        return Actor.System;
    }

    public static Actor ToActor(ClaimsPrincipal user) =>
        new(Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null, user.Identity?.Name ?? "unknown")
        {
            // The same rule as the permission policies, so the use case and the page agree.
            Permissions = Permissions.GrantedTo
                .Where(grant => user.HasClaim(PermissionPolicies.PermissionClaim, grant.Key) || grant.Value.Any(user.IsInRole))
                .Select(grant => grant.Key).ToHashSet(),
        };
}
