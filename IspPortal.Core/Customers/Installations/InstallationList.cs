using IspPortal.Core.Common;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Installations;

[FeatureApi]
public sealed record InstallationRow(
    string Code, string FullName, string Phone, string? Address, double? Latitude, double? Longitude, string Package, string? RouterCode,
    string? PppoeUsername, RegistrationStatus Status, DateOnly? ScheduledFor, string? Technician, ConnectionState Connection, Guid? TechnicianId = null);

/// <summary>
/// Installation work orders: registrations whose secret is (or is about to be) on the router and
/// whose CPE is not installed yet, soonest first. A technician sees their own and unassigned ones.
/// </summary>
[FeatureApi]
public sealed class InstallationList(IIspDbFactory dbs)
{
    public async Task<IReadOnlyList<InstallationRow>> OpenAsync(Guid? onlyTechnician, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var open = db.CustomerRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.PendingProvisioning || r.Status == RegistrationStatus.AwaitingInstallation);
        if (onlyTechnician is { } technician)
            open = open.Where(r => r.TechnicianId == technician || r.TechnicianId == null);
        return await open
            .OrderBy(r => r.InstallationScheduledFor == null).ThenBy(r => r.InstallationScheduledFor).ThenBy(r => r.RegisteredAt)
            .Select(r => new InstallationRow(r.Customer!.Code, r.Customer.FullName, r.Customer.Phone, r.Customer.Address, r.Customer.Latitude, r.Customer.Longitude,
                r.Customer.ServicePackage!.Name, r.Customer.Router!.Code,
                db.PppoeSecrets.Where(s => s.CustomerId == r.CustomerId && !s.IsReplica && s.Status != PppoeSecretStatus.Removed).Select(s => s.Username).FirstOrDefault(),
                r.Status, r.InstallationScheduledFor, db.Users.Where(u => u.Id == r.TechnicianId).Select(u => u.FullName).FirstOrDefault(), r.Customer.ConnectionState, r.TechnicianId))
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}
