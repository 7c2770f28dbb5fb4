using IspPortal.Core.Identity;
using IspPortal.Core.Identity.TwoFactor;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IspPortal.Web.Features.Identity.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").ExcludeFromDescription();

        // The form carries only its antiforgery token, so no form binding checks it for us.
        account.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<PortalUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid antiforgery token");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).RequireAuthorization();

        // "Keluar dari semua perangkat": a new security stamp ends every other session at its next check, this one now.
        account.MapPost("/sign-out-everywhere", async (
            HttpContext context, IAntiforgery antiforgery, SignInManager<PortalUser> signIn, ICurrentUser currentUser, SignOutEverywhere signOut) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid antiforgery token");
            if ((await currentUser.GetAsync(context.RequestAborted)).UserId is not { } userId)
                return Results.Forbid();
            var done = await signOut.ExecuteAsync(userId, context.RequestAborted);
            if (!done.Succeeded)
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: done.FirstError);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).RequireAuthorization();

        account.MapPost("/culture", async (
            HttpContext context,
            UserManager<PortalUser> users,
            [FromForm] string culture,
            [FromForm] string? returnUrl) =>
        {
            if (!PortalCultures.All.Contains(culture))
                return Results.Problem(statusCode: 400, title: "Unknown culture", detail: "Use 'id' or 'en'.");

            AppendCultureCookie(context, culture);
            if (await users.GetUserAsync(context.User) is { } user && user.Culture != culture)
            {
                user.Culture = culture;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).RequireAuthorization();

        return endpoints;
    }

    /// <summary>The portal's languages as the specific cultures request localization supports.</summary>
    public static readonly IReadOnlyDictionary<string, string> SpecificCultures = new Dictionary<string, string>
    {
        [PortalCultures.Indonesian] = "id-ID",
        [PortalCultures.English] = "en-US",
    };

    public static void AppendCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(SpecificCultures.GetValueOrDefault(culture, "id-ID"))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    /// <summary>Only paths inside the portal: an open redirect would let a phishing link borrow our sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/dashboard";
}
