using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Identity.Users;

/// <summary>The portal must always keep one active Admin, or nobody could manage users again.</summary>
public sealed class AdminSafety(IIspDbFactory dbs)
{
    public const string LastAdminMessage = "Ini admin aktif terakhir; tambahkan admin aktif lain terlebih dahulu.";

    public async Task<bool> AnotherActiveAdminExistsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var adminRoleIds = db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id);
        return await db.UserRoles
            .Where(ur => ur.UserId != userId && adminRoleIds.Contains(ur.RoleId))
            .Join(db.Users.Where(u => u.IsActive), ur => ur.UserId, u => u.Id, (_, u) => u.Id)
            .AnyAsync(cancellationToken);
    }
}
