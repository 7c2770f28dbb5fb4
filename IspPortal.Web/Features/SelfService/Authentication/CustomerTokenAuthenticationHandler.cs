using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using IspPortal.Core.SelfService;
using IspPortal.Core.SelfService.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IspPortal.Web.Features.SelfService.Authentication;

/// <summary>
/// <c>Authorization: Bearer cst_…</c> on <c>/api/portal</c>: a customer's session, never a staff
/// cookie or an API key (those schemes are not asked there, and this one is asked nowhere else).
/// </summary>
public sealed class CustomerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CustomerSessions sessions, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CustomerToken";
    public const string CustomerClaim = "customer";
    public const string Policy = "self-service";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        if (await sessions.AuthenticateAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted) is not { } caller)
            return AuthenticateResult.Fail("Unknown, expired or ended session.");
        Context.Items[typeof(SelfServiceCaller)] = caller;
        var identity = new ClaimsIdentity(
            [new Claim(CustomerClaim, caller.CustomerId.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, "customer:" + caller.CustomerCode)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sesi pelanggan diperlukan",
                Detail = "Kirim token dari POST /api/portal/session di header Authorization: Bearer.",
            },
        });
    }

    /// <summary>The caller the handler authenticated for this request.</summary>
    public static SelfServiceCaller CallerOf(HttpContext context) =>
        context.Items[typeof(SelfServiceCaller)] as SelfServiceCaller
        ?? throw new InvalidOperationException("The endpoint is not behind the customer token scheme.");
}
