using IspPortal.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IspPortal.Web.Features.Identity.Authentication;

/// <summary>
/// Identity's sign-in manager with one step more: signing in a user whose password the sign-in page
/// has already checked (once, so the throttle could record the attempt), instead of
/// <c>PasswordSignInAsync</c> hashing the same password a second time. The second factor is asked for
/// exactly as <c>PasswordSignInAsync</c> would ask for it.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> users, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> options, ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    /// <param name="user">A user whose password was just verified.</param>
    public async Task<SignInResult> SignInVerifiedAsync(PortalUser user, bool isPersistent)
    {
        if (!await CanSignInAsync(user))
            return SignInResult.NotAllowed;
        return await SignInOrTwoFactorAsync(user, isPersistent);
    }
}
