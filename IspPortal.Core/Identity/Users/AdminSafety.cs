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
        return await db.ActiveInRole(Roles.Admin).AnyAsync(u => u.Id != userId, cancellationToken);
    }
}
