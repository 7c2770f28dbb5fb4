using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Staff;

/// <param name="StaffName">Who acted for the customer (sent the portal link); null for what the customer did.</param>
public sealed record PortalActivityView(DateTimeOffset At, SelfServiceAction Action, string? Detail, string? Address, string? StaffName);

/// <summary>The customer's newest portal activity, for the "Portal pelanggan" tab of the customer page.</summary>
public sealed class PortalActivityList(IIspDbFactory dbs, ICurrentUser currentUser)
{
    public const int Newest = 100;

    public async Task<Outcome<IReadOnlyList<PortalActivityView>>> ExecuteAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.CustomersRead))
            return Outcome.Refused<IReadOnlyList<PortalActivityView>>("", Actor.NotPermitted);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var code = customerCode.Trim();
        var customerId = await db.Customers.Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (customerId is null)
            return Outcome.Refused<IReadOnlyList<PortalActivityView>>("", $"Pelanggan {code} tidak ditemukan.");

        var rows = await db.SelfServiceActivities.AsNoTracking()
            .Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Newest)
            .Select(a => new PortalActivityView(a.At, a.Action, a.Detail, a.Address,
                db.Users.Where(u => u.Id == a.ByUserId).Select(u => u.FullName != "" ? u.FullName : u.UserName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<PortalActivityView>>(rows);
    }
}
