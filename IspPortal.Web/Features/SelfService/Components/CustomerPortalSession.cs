using IspPortal.Core.SelfService;
using IspPortal.Core.SelfService.SignIn;
using Microsoft.AspNetCore.Components;

namespace IspPortal.Web.Features.SelfService.Components;

/// <summary>
/// The customer's session token for one tab: read from the <see cref="CookieName"/> cookie while the
/// page is prerendered, then carried into the interactive circuit as protected persistent state (the
/// circuit's own connection carries no customer scheme). It is checked again on every use, so a
/// session ended elsewhere ("keluar dari semua perangkat") stops this tab at its next click.
/// Staff cookies play no part: a staff sign-in never opens these pages.
/// </summary>
public sealed class CustomerPortalSession(CustomerSessions sessions)
{
    public const string CookieName = "ispportal.pelanggan";
    public const string SignInPath = "/pelanggan/masuk";

    [PersistentState]
    public string? Token { get; set; }

    /// <summary>The client address seen when the page was requested, for the limits on codes (the circuit has no request of its own).</summary>
    [PersistentState]
    public string? Address { get; set; }

    public void ReadFrom(HttpContext? context)
    {
        if (context is null)
            return;
        Token = context.Request.Cookies[CookieName];
        Address = Shell.ClientAddress.Of(context);
    }

    public async Task<SelfServiceCaller?> CallerAsync(CancellationToken cancellationToken = default) =>
        Token is null ? null : await sessions.AuthenticateAsync(Token, cancellationToken);

    /// <summary>HttpOnly and same-site: scripts cannot read it and other sites cannot send it; without "remember", it ends with the browser.</summary>
    public static void Write(HttpContext context, string token, DateTimeOffset expiresAt, bool remember) =>
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            Expires = remember ? expiresAt : null,
        });

    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>The caller behind a plain HTTP request (a PDF download, a sign-out form).</summary>
    public static Task<SelfServiceCaller?> FromCookieAsync(HttpContext context, CustomerSessions sessions) =>
        sessions.AuthenticateAsync(context.Request.Cookies[CookieName], context.RequestAborted);
}
