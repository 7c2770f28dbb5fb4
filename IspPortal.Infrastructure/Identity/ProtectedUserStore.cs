using IspPortal.Core.Identity;
using IspPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Identity;

/// <summary>
/// Identity's user store with the user tokens (the authenticator key and the recovery codes) encrypted
/// with Data Protection before they reach <c>user_tokens</c>: Identity's own store keeps them in clear,
/// and a copy of the database would then be a copy of everyone's second factor.
/// </summary>
public sealed class ProtectedUserStore(IspDbContext context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserStore<PortalUser, PortalRole, IspDbContext, Guid>(context, describer)
{
    /// <summary>Changing the purpose makes every stored key unreadable: never rename.</summary>
    public const string Purpose = "IspPortal.Identity.UserTokens.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public override Task SetTokenAsync(PortalUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(PortalUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } stored ? _protector.Unprotect(stored) : null;
}
