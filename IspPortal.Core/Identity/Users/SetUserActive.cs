using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.Users;

public sealed class SetUserActive(UserAdministration administration, AdminSafety safety)
{
    public Task<Outcome<PortalUser>> ExecuteAsync(Guid userId, bool active, CancellationToken cancellationToken = default) =>
        administration.RunForUserAsync(userId, async (users, user, actor) =>
        {
            if (active)
            {
                // Enabling also ends a running lockout: the admin has decided this person may sign in.
                user.IsActive = true;
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
                var enabled = await users.UpdateAsync(user);
                return enabled.Succeeded ? Outcome.Done(user) : Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(enabled));
            }

            if (actor.UserId == user.Id)
                return Outcome.Refused<PortalUser>("", "Anda tidak dapat menonaktifkan akun Anda sendiri.");
            if (!user.IsActive)
                return Outcome.Done(user);
            if (await users.IsInRoleAsync(user, Roles.Admin) && !await safety.AnotherActiveAdminExistsAsync(user.Id, cancellationToken))
                return Outcome.Refused<PortalUser>("", AdminSafety.LastAdminMessage);

            user.IsActive = false;
            // A new stamp ends the user's open sessions: cookies and circuits are re-checked every minute.
            var disabled = await users.UpdateSecurityStampAsync(user);
            return disabled.Succeeded ? Outcome.Done(user) : Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(disabled));
        }, cancellationToken);
}
