using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Installations;

/// <param name="TechnicianId">Null takes the work order from whoever had it.</param>
public sealed record InstallationAssignment(string CustomerCode, Guid? TechnicianId, DateOnly? ScheduledFor);

/// <summary>
/// Gives an open installation work order to a technician or moves its date; the new technician
/// gets the work order on WhatsApp and the one it was taken from a cancellation, queued in the
/// same transaction (<see cref="InstallationNotices"/>). Changes of one order take turns.
/// </summary>
public sealed class AssignInstallation(IIspDbFactory dbs, IDatabaseLocks locks, InstallationNotices notices, ICurrentUser currentUser, IspClock ispClock, TimeProvider clock)
{
    public async Task<Outcome<string>> ExecuteAsync(InstallationAssignment input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.CustomersWrite))
            return Outcome.Refused<string>("", "Anda tidak berhak menugaskan instalasi.");
        var today = await ispClock.TodayAsync(cancellationToken);

        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, $"installation:{input.CustomerCode}", cancellationToken);
        var registration = await db.CustomerRegistrations.Include(r => r.Customer)
            .SingleOrDefaultAsync(r => r.Customer!.Code == input.CustomerCode, cancellationToken);
        if (registration is null)
            return Outcome.Refused<string>("", $"Pendaftaran pelanggan {input.CustomerCode} tidak ditemukan.");
        if (registration.Status is RegistrationStatus.Completed or RegistrationStatus.Cancelled)
            return Outcome.Refused<string>("", $"Instalasi {input.CustomerCode} sudah {(registration.Status == RegistrationStatus.Completed ? "selesai" : "dibatalkan")}; penugasan tidak bisa diubah.");

        var errors = new FieldErrors()
            .When(input.ScheduledFor is { } date && date != registration.InstallationScheduledFor && (date < today || date > today.AddDays(RegisterCustomer.MaxDaysUntilInstallation)),
                nameof(input.ScheduledFor), $"Tanggal instalasi harus antara hari ini dan {RegisterCustomer.MaxDaysUntilInstallation} hari ke depan.");
        if (input.TechnicianId is { } technicianId)
            errors.When(!await db.ActiveInRole(Roles.Technician).AnyAsync(u => u.Id == technicianId, cancellationToken), nameof(input.TechnicianId), "Pilih teknisi yang aktif.");
        if (errors.Any)
            return Outcome.Refused<string>(errors);

        var previous = registration.TechnicianId is { } before
            ? new PreviousAssignment(before, registration.AssignmentVersion, registration.InstallationScheduledFor)
            : null;
        if (!registration.Reassign(input.TechnicianId, input.ScheduledFor, clock.GetUtcNow()))
            return Outcome.Done($"Penugasan instalasi {input.CustomerCode} tidak berubah.");
        registration.Customer!.ScheduleInstallation(input.ScheduledFor, input.TechnicianId);
        await db.SaveChangesAsync(cancellationToken);
        var skipped = await notices.QueueAsync(db, registration.Customer, registration, previous, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var done = $"Penugasan instalasi {input.CustomerCode} disimpan.";
        return Outcome.Done(skipped.Count == 0 ? done : done + " " + string.Join(" ", skipped));
    }
}
