using IspPortal.Core.Common;

namespace IspPortal.Core.Identity;

public static class UserQueries
{
    /// <summary>Active users who hold <paramref name="role"/> (a query to compose, not yet run).</summary>
    public static IQueryable<PortalUser> ActiveInRole(this IIspDb db, string role) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>Active users with a role that is granted <paramref name="permission"/> (a query to compose, not yet run).</summary>
    public static IQueryable<PortalUser> ActiveWithPermission(this IIspDb db, string permission)
    {
        var roles = Permissions.GrantedTo[permission];
        return db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }
}
