using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.Users;

public sealed class ChangeUserRoles(UserAdministration administration, AdminSafety safety)
{
    public Task<Outcome<PortalUser>> ExecuteAsync(Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        var errors = RoleChoice.Validate(roles, new FieldErrors());
        if (errors.Any)
            return Task.FromResult(Outcome.Refused<PortalUser>(errors));
        var wanted = RoleChoice.Normalize(roles);

        return administration.RunForUserAsync(userId, async (users, user, actor) =>
        {
            var current = await users.GetRolesAsync(user);
            if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
            {
                if (actor.UserId == user.Id)
                    return Outcome.Refused<PortalUser>(nameof(NewUser.Roles), "Anda tidak dapat mencabut peran Admin Anda sendiri.");
                if (user.IsActive && !await safety.AnotherActiveAdminExistsAsync(user.Id, cancellationToken))
                    return Outcome.Refused<PortalUser>(nameof(NewUser.Roles), AdminSafety.LastAdminMessage);
            }

            var removed = current.Except(wanted).ToList();
            var added = wanted.Except(current).ToList();
            if (removed.Count == 0 && added.Count == 0)
                return Outcome.Done(user);
            if (removed.Count > 0 && await users.RemoveFromRolesAsync(user, removed) is { Succeeded: false } removal)
                return Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(removal));
            if (added.Count > 0 && await users.AddToRolesAsync(user, added) is { Succeeded: false } addition)
                return Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(addition));

            // Open sessions carry the old roles; a new stamp makes them sign in again with the new ones.
            var stamped = await users.UpdateSecurityStampAsync(user);
            return stamped.Succeeded ? Outcome.Done(user) : Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(stamped));
        }, cancellationToken);
    }
}
