using IspPortal.Core.Common;
using IspPortal.Core.Identity.Users;

namespace IspPortal.Core.Identity.TwoFactor;

/// <summary>
/// "Keluar dari semua perangkat": a new security stamp, so every cookie and open circuit of the user is
/// refused at its next check (within a minute). A user may do it for themselves, an Admin for anyone;
/// the stamp change is audited under the actor's name.
/// </summary>
public sealed class SignOutEverywhere(UserAdministration administration)
{
    public Task<Outcome<PortalUser>> ExecuteAsync(Guid userId, CancellationToken cancellationToken = default) =>
        administration.RunForUserAsync(userId, async (users, user, actor) =>
        {
            if (actor.UserId != user.Id && !await users.ActorHoldsAsync(actor, Permissions.UsersManage))
                return Outcome.Refused<PortalUser>("", "Hanya Admin yang dapat mengeluarkan pengguna lain.");
            var stamped = await users.UpdateSecurityStampAsync(user);
            return stamped.Succeeded ? Outcome.Done(user) : Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(stamped));
        }, cancellationToken);
}
