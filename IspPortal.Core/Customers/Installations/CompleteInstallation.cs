using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Installations;

/// <summary>
/// The technician reports the CPE installed: the work order is closed. Only once the secret is on
/// the router (an installation cannot be tested before), and a technician only for their own or an
/// unassigned order.
/// </summary>
public sealed class CompleteInstallation(IIspDbFactory dbs, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(string customerCode, Guid? onlyTechnician, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var registration = await db.CustomerRegistrations.Include(r => r.Customer)
            .SingleOrDefaultAsync(r => r.Customer!.Code == customerCode, cancellationToken);
        if (registration is null)
            return Outcome.Refused<string>("", $"Pendaftaran pelanggan {customerCode} tidak ditemukan.");
        if (onlyTechnician is { } technician && registration.TechnicianId is { } assigned && assigned != technician)
            return Outcome.Refused<string>("", $"Instalasi {customerCode} ditugaskan ke teknisi lain.");
        switch (registration.Status)
        {
            case RegistrationStatus.PendingProvisioning:
                return Outcome.Refused<string>("", $"Secret PPPoE {customerCode} belum terpasang di router; instalasi belum bisa diselesaikan.");
            case RegistrationStatus.Completed:
                return Outcome.Refused<string>("", $"Instalasi {customerCode} sudah selesai.");
            case RegistrationStatus.Cancelled:
                return Outcome.Refused<string>("", $"Pendaftaran {customerCode} dibatalkan.");
        }

        var actor = await currentUser.GetAsync(cancellationToken);
        registration.MarkInstalled(clock.GetUtcNow());
        registration.TechnicianId ??= actor.UserId;
        if (!string.IsNullOrWhiteSpace(note))
        {
            var combined = string.IsNullOrWhiteSpace(registration.Notes) ? note.Trim() : registration.Notes + "\n" + note.Trim();
            registration.Notes = combined.Length > CustomerRegistration.NotesMaxLength ? combined[..CustomerRegistration.NotesMaxLength] : combined;
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done($"Instalasi {customerCode} selesai.");
    }
}
