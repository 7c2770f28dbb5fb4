using IspPortal.Web.Api.Billing;
using IspPortal.Web.Api.Customers;
using IspPortal.Web.Api.Network;
using IspPortal.Web.Api.WhatsApp;
using IspPortal.Web.Api.Packages;
using IspPortal.Web.Api.Tickets;
using IspPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace IspPortal.Web.Api;

public static class ApiEndpoints
{
    /// <summary>
    /// <c>/api/…</c>: API-key authentication only (no cookies, so no cross-site request can ride
    /// a signed-in browser), rate limited per key, errors as RFC 7807 problem details.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireRateLimiting(DependencyInjection.ApiRateLimitPolicy)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPackageEndpoints();
        api.MapMikrotikEndpoints();
        api.MapCustomerEndpoints();
        api.MapWhatsAppSendEndpoints();
        api.MapBillingEndpoints();
        api.MapInvoiceEndpoints();
        api.MapPaymentEndpoints();
        api.MapTicketEndpoints();
        api.MapTicketEmailEndpoints();
        return endpoints;
    }
}
