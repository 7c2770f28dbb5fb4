using System.Security.Claims;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.TwoFactor;
using IspPortal.Core.Settings;

namespace IspPortal.Web.Features.Identity.Authentication;

/// <summary>
/// Leads a signed-in user whose role requires two-factor sign-in, and who has no second factor yet,
/// to the enrolment page from every page until they enrol: only that page, signing out and the
/// static files stay open. The API authenticates with keys and is not affected.
/// </summary>
public sealed class TwoFactorEnrolmentGate(RequestDelegate next)
{
    public const string EnrolmentPath = "/account/two-factor";

    private static readonly string[] OpenPaths = [EnrolmentPath, "/account/logout", "/login", "/_framework", "/_content", "/api", "/health", "/Error", "/not-found", "/access-denied", "/css", "/js", "/lib", "/favicon.png"];

    public async Task InvokeAsync(HttpContext context, PortalSettings settings)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirstValue(PortalClaimsPrincipalFactory.TwoFactorClaim) == "off"
            && !IsOpen(context.Request.Path)
            && (await settings.GetAsync<TwoFactorSettings>(context.RequestAborted)).IsMandatoryFor(Roles.All.Where(context.User.IsInRole)))
        {
            context.Response.Redirect(EnrolmentPath);
            return;
        }
        await next(context);
    }

    private static bool IsOpen(PathString path) =>
        OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));
}

public static class TwoFactorEnrolmentGateExtensions
{
    public static IApplicationBuilder UseTwoFactorEnrolmentGate(this IApplicationBuilder app) => app.UseMiddleware<TwoFactorEnrolmentGate>();
}
