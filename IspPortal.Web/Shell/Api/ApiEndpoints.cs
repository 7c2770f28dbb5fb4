using IspPortal.Web.Features.Identity.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace IspPortal.Web.Shell.Api;

public static class ApiEndpoints
{
    /// <summary>
    /// <c>/api/…</c>: API-key authentication only (no cookies, so no cross-site request can ride
    /// a signed-in browser), rate limited per key, errors as RFC 7807 problem details.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints, IEnumerable<IPortalFeature> features)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireRateLimiting(Host.WebServices.ApiRateLimitPolicy)
            .DisableAntiforgery()
            .RefuseUnsafeText()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        foreach (var feature in features)
            feature.MapApi(api);
        return endpoints;
    }
}
