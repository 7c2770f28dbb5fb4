using System.Net;
using IspPortal.Core.Common;
using IspPortal.Core.Network;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers;

public sealed record CustomerProfileView(
    int Id, string Code, string FullName, string? NikMasked, DateOnly? BirthDate, string Phone, string? Email,
    string? Address, string? Village, string? District, string? City, string? Province, string? PostalCode,
    double? Latitude, double? Longitude, string? KtpPhoto, string? HousePhoto, string? Notes,
    CustomerStatus Status, DateTimeOffset StatusChangedAt, DateTimeOffset RegisteredAt,
    int ServicePackageId, string PackageName, decimal MonthlyPrice, int LocationCodeId, string LocationCode, int? RouterId, string? RouterCode, string? RouterName);

/// <param name="Uptime">From the session start the last sync saw; null when offline.</param>
public sealed record CustomerConnectionView(
    ConnectionState State, IPAddress? Address, TimeSpan? Uptime, DateTimeOffset? LastSeenAt, DateTimeOffset? ChangedAt, DateTimeOffset? RouterSyncedAt);

public sealed record CustomerSecretView(string Username, string RouterCode, string Profile, bool IsDisabled, bool IsReplica, PppoeSecretStatus Status, string? LastError, DateTimeOffset? ProvisionedAt);

public sealed record CustomerRegistrationView(
    RegistrationStatus Status, DateOnly? InstallationScheduledFor, string? Technician, string? RegisteredBy, int ProvisioningAttempts, string? LastProvisioningError, DateTimeOffset? InstalledAt);

public sealed record StatusLogView(DateTimeOffset At, StatusChangeKind Kind, string? From, string To, StatusChangeSource Source, string? Reason, string? User);

public sealed record LocationMoveView(DateTimeOffset At, double? FromLatitude, double? FromLongitude, double Latitude, double Longitude, string? Reason, string? User);

public sealed record CustomerView(
    CustomerProfileView Profile,
    CustomerConnectionView Connection,
    IReadOnlyList<CustomerSecretView> Secrets,
    CustomerRegistrationView? Registration,
    IReadOnlyList<StatusLogView> Timeline,
    IReadOnlyList<LocationMoveView> LocationHistory);

/// <summary>One customer's page: profile (NIK masked), router session, secrets, registration, timeline and pin history.</summary>
public sealed class CustomerDetails(IIspDbFactory dbs, ISecretProtector secrets, TimeProvider clock)
{
    public const int TimelineLength = 200;

    /// <param name="codeOrId">The customer code, or the numeric id (the API accepts both).</param>
    public async Task<CustomerView?> LoadAsync(string codeOrId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var key = codeOrId.Trim();
        var byId = int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id);
        var customer = await db.Customers.AsNoTracking()
            .Include(c => c.ServicePackage).Include(c => c.LocationCode).Include(c => c.Router)
            .SingleOrDefaultAsync(c => c.Code == key || (byId && c.Id == id), cancellationToken);
        if (customer is null)
            return null;

        var now = clock.GetUtcNow();
        var profile = new CustomerProfileView(customer.Id, customer.Code, customer.FullName, MaskedNik(customer.NikEncrypted), customer.BirthDate, customer.Phone, customer.Email,
            customer.Address, customer.Village, customer.District, customer.City, customer.Province, customer.PostalCode, customer.Latitude, customer.Longitude,
            customer.KtpPhotoPath, customer.HousePhotoPath, customer.Notes, customer.Status, customer.StatusChangedAt, customer.RegisteredAt,
            customer.ServicePackageId, customer.ServicePackage!.Name, customer.ServicePackage.MonthlyPrice, customer.LocationCodeId, customer.LocationCode!.Code,
            customer.RouterId, customer.Router?.Code, customer.Router?.Name);
        var connection = new CustomerConnectionView(customer.ConnectionState, customer.CurrentIp,
            customer.SessionStartedAt is { } started ? now - started : null, customer.LastSeenAt, customer.ConnectionChangedAt, customer.Router?.LastSyncAt);

        var secretRows = await db.PppoeSecrets.AsNoTracking().Where(s => s.CustomerId == customer.Id).OrderBy(s => s.IsReplica).ThenBy(s => s.Id)
            .Select(s => new CustomerSecretView(s.Username, s.Router!.Code, s.Profile, s.IsDisabled, s.IsReplica, s.Status, s.LastError, s.ProvisionedAt))
            .ToListAsync(cancellationToken);
        var registration = await db.CustomerRegistrations.AsNoTracking().Where(r => r.CustomerId == customer.Id)
            .Select(r => new CustomerRegistrationView(r.Status, r.InstallationScheduledFor,
                db.Users.Where(u => u.Id == r.TechnicianId).Select(u => u.FullName).FirstOrDefault(),
                db.Users.Where(u => u.Id == r.RegisteredById).Select(u => u.FullName).FirstOrDefault(),
                r.ProvisioningAttempts, r.LastProvisioningError, r.InstalledAt))
            .SingleOrDefaultAsync(cancellationToken);
        var timeline = await db.CustomerStatusLogs.AsNoTracking().Where(l => l.CustomerId == customer.Id)
            .OrderByDescending(l => l.ChangedAt).ThenByDescending(l => l.Id).Take(TimelineLength)
            .Select(l => new StatusLogView(l.ChangedAt, l.Kind, l.FromValue, l.ToValue, l.Source, l.Reason,
                db.Users.Where(u => u.Id == l.UserId).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var moves = await db.CustomerLocationHistory.AsNoTracking().Where(h => h.CustomerId == customer.Id)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id)
            .Select(h => new LocationMoveView(h.ChangedAt, h.FromLatitude, h.FromLongitude, h.Latitude, h.Longitude, h.Reason,
                db.Users.Where(u => u.Id == h.ChangedById).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new CustomerView(profile, connection, secretRows, registration, timeline, moves);
    }

    /// <summary>Province, regency and the last two digits; the birth date in the middle is personal data.</summary>
    private string? MaskedNik(string? encrypted)
    {
        if (encrypted is null)
            return null;
        var nik = secrets.Unprotect(SecretKind.Nik, encrypted);
        return nik.Length == Registration.Nik.Length ? nik[..4] + new string('•', 10) + nik[^2..] : "••••";
    }
}
