using IspPortal.Core.Identity;
using IspPortal.Web.Features.Identity.Endpoints;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace IspPortal.Web.Features.Identity.Authentication;

/// <summary>What the password step and the second-factor step of signing in share.</summary>
public static class LoginSteps
{
    public const string SecondStepPath = "/login/two-factor";

    // A hash of a random password, verified for names that have no user so that an unknown name costs
    // the same PBKDF2 work as a real one: the time of the answer does not tell them apart.
    private static readonly PasswordHasher<PortalUser> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(new PortalUser(), Guid.NewGuid().ToString("N"));

    public static bool CheckAgainstDummyHash(string password)
    {
        Hasher.VerifyHashedPassword(new PortalUser(), DummyHash, password);
        return false;
    }

    public static string SecondStepUrl(string? returnUrl, bool rememberMe) =>
        $"{SecondStepPath}?ReturnUrl={Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl))}&RememberMe={rememberMe}";

    public static async Task CompleteAsync(
        PortalUser user, UserManager<PortalUser> users, TimeProvider clock, ILogger log,
        HttpContext context, NavigationManager navigation, string? returnUrl)
    {
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        log.LogInformation("User {UserName} signed in", user.UserName);
        AccountEndpoints.AppendCultureCookie(context, user.Culture);
        navigation.NavigateTo(AccountEndpoints.SafeReturnUrl(returnUrl), forceLoad: true);
    }
}
