using System.Security.Claims;
using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IspPortal.Web.Features.Identity.Authentication;

/// <summary>
/// Identity's claims plus whether the user has a second factor, so <see cref="TwoFactorEnrolmentGate"/>
/// decides without a database read per request. Turning two-factor on or off changes the security
/// stamp, and the cookie is rebuilt with fresh claims at its next check.
/// </summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users, RoleManager<PortalRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    public const string TwoFactorClaim = "ispportal:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "on" : "off"));
        return identity;
    }
}
