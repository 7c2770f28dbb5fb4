using IspPortal.Core.Common;
using IspPortal.Core.Identity.Users;

namespace IspPortal.Core.Identity.TwoFactor;

/// <summary>
/// An Admin removes a user's second factor (a lost phone): two-factor sign-in off, key and recovery
/// codes gone, sessions ended. The change to the user row is audited under the admin's name; a user in
/// a role that requires it enrols again at the next sign-in.
/// </summary>
public sealed class ResetTwoFactor(UserAdministration administration)
{
    public Task<Outcome<PortalUser>> ExecuteAsync(Guid userId, CancellationToken cancellationToken = default) =>
        administration.RunForUserAsync(userId, async (users, user, actor) =>
        {
            if (!await users.ActorHoldsAsync(actor, Permissions.UsersManage))
                return Outcome.Refused<PortalUser>("", "Hanya Admin yang dapat mereset verifikasi dua langkah.");
            await SecondFactor.RemoveAsync(users, user);
            return Outcome.Done(user);
        }, cancellationToken);
}
