using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Identity;

/// <param name="Phone">E.164, for WhatsApp; null when the user has none.</param>
public sealed record StaffContact(Guid UserId, string FullName, string? Phone, string? Email);

/// <summary>Who of the staff to tell: the active users holding any of the given roles.</summary>
public static class StaffContacts
{
    public static async Task<IReadOnlyList<StaffContact>> InRolesAsync(IIspDb db, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        if (roles.Count == 0)
            return [];
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .OrderBy(u => u.FullName)
            .Select(u => new StaffContact(u.Id, u.FullName, u.PhoneNumber, u.Email))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The active ones of these users (those told of something before, told how it ended).</summary>
    public static async Task<IReadOnlyList<StaffContact>> ByIdsAsync(IIspDb db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
            return [];
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && userIds.Contains(u.Id))
            .OrderBy(u => u.FullName)
            .Select(u => new StaffContact(u.Id, u.FullName, u.PhoneNumber, u.Email))
            .ToListAsync(cancellationToken);
    }
}
