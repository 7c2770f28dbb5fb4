using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.Users;

public sealed class UnlockUser(UserAdministration administration, TimeProvider clock)
{
    public Task<Outcome<PortalUser>> ExecuteAsync(Guid userId, CancellationToken cancellationToken = default) =>
        administration.RunForUserAsync(userId, async (users, user, _) =>
        {
            if (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow())
                return Outcome.Refused<PortalUser>("", "Pengguna ini tidak sedang terkunci.");
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var unlocked = await users.UpdateAsync(user);
            return unlocked.Succeeded ? Outcome.Done(user) : Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(unlocked));
        }, cancellationToken);
}
