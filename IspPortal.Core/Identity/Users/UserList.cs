using System.Linq.Expressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Identity.Users;

/// <param name="LockedOutUntil">Set only while a lockout after failed sign-ins is still running.</param>
public sealed record UserRow(
    Guid Id,
    string UserName,
    string FullName,
    string? Email,
    IReadOnlyList<string> Roles,
    bool IsActive,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt)
{
    public bool IsLockedOut => LockedOutUntil is not null;
}

public sealed class UserList(IIspDbFactory dbs, TimeProvider clock)
{
    private static readonly Dictionary<string, Expression<Func<PortalUser, object?>>> SortColumns = new()
    {
        [nameof(UserRow.UserName)] = u => u.UserName,
        [nameof(UserRow.FullName)] = u => u.FullName,
        [nameof(UserRow.Email)] = u => u.Email,
        [nameof(UserRow.IsActive)] = u => u.IsActive,
        [nameof(UserRow.LastSignInAt)] = u => u.LastSignInAt,
        [nameof(UserRow.CreatedAt)] = u => u.CreatedAt,
    };

    public async Task<PagedResult<UserRow>> PageAsync(PageRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (request.SearchTerm is { } term)
        {
            var pattern = QueryableExtensions.ContainsPattern(term);
            query = query.Where(u => EF.Functions.Like(u.UserName!.ToLower(), pattern) || EF.Functions.Like(u.FullName.ToLower(), pattern)
                || (u.Email != null && EF.Functions.Like(u.Email.ToLower(), pattern)));
        }
        var page = await query.ToPageAsync(request, SortColumns, nameof(UserRow.UserName), u => u.Id, cancellationToken);

        var ids = page.Items.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);

        var now = clock.GetUtcNow();
        var rows = page.Items.Select(u => new UserRow(
            u.Id, u.UserName ?? "", u.FullName, u.Email,
            [.. Roles.All.Where(roles[u.Id].Contains)],
            u.IsActive,
            u.LockoutEnd > now ? u.LockoutEnd : null,
            u.LastSignInAt, u.CreatedAt)).ToList();
        return new PagedResult<UserRow>(rows, page.Total);
    }
}
