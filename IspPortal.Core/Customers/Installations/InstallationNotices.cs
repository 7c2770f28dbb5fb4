using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Customers.Installations;

/// <summary>Who had the work order before a change: told it is no longer theirs.</summary>
public sealed record PreviousAssignment(Guid TechnicianId, int Version, DateOnly? ScheduledFor);

/// <summary>
/// The installation work order on the technician's WhatsApp, queued in the transaction that
/// assigns it. Keys name the customer (one registration each), the assignment version and the
/// technician, so a retried save queues nothing twice and every new version is told once. A
/// technician without a WhatsApp number is skipped with a warning: the work order still shows in
/// Instalasi, and the registration never fails for it.
/// </summary>
public sealed class InstallationNotices(IOutboxWriter outbox, ILogger<InstallationNotices> logger, TimeProvider clock)
{
    public const string NoPhone = "tidak punya nomor WhatsApp di profilnya";

    public static string WorkOrderKey(string customerCode, int version, Guid technicianId) =>
        $"installation-work-order:{customerCode}:{version}:{technicianId:N}";

    public static string CancellationKey(string customerCode, int version, Guid technicianId) =>
        $"installation-work-order-cancelled:{customerCode}:{version}:{technicianId:N}";

    /// <summary>Tells the registration's technician (if any) of the current version, and <paramref name="previous"/> (if another one) that it is off.</summary>
    /// <returns>Why someone could not be told, one line each (empty when everyone was).</returns>
    public async Task<IReadOnlyList<string>> QueueAsync(IIspDb db, Customer customer, CustomerRegistration registration, PreviousAssignment? previous, CancellationToken cancellationToken)
    {
        var ids = new[] { registration.TechnicianId, previous?.TechnicianId }.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var people = (await StaffContacts.ByIdsAsync(db, ids, cancellationToken)).ToDictionary(p => p.UserId);
        var package = await db.ServicePackages.AsNoTracking().Where(p => p.Id == customer.ServicePackageId).Select(p => p.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>();
        var skipped = new List<string>();

        void Tell(Guid technicianId, string key, NotificationEvent notification, Dictionary<string, string> values)
        {
            if (!people.TryGetValue(technicianId, out var person) || string.IsNullOrWhiteSpace(person.Phone))
            {
                var name = people.TryGetValue(technicianId, out var known) ? known.FullName : technicianId.ToString();
                var why = $"Teknisi {name} {NoPhone}; {notification.Label.ToLowerInvariant()} {customer.Code} tidak dikirim.";
                logger.LogWarning("Installation notice {Key} not queued: technician {TechnicianId} has no WhatsApp number", key, technicianId);
                skipped.Add(why);
                return;
            }
            values["nama"] = person.FullName;
            messages.Add(new OutboxMessage($"{key}:{NotificationChannel.WhatsApp}", NotificationChannel.WhatsApp, person.Phone, notification.Key,
                JsonSerializer.Serialize(values), now));
        }

        if (registration.TechnicianId is { } technician)
            Tell(technician, WorkOrderKey(customer.Code, registration.AssignmentVersion, technician), NotificationEvents.InstallationWorkOrder,
                Values(customer, package, registration.InstallationScheduledFor));
        if (previous is { } old && old.TechnicianId != registration.TechnicianId)
            Tell(old.TechnicianId, CancellationKey(customer.Code, old.Version, old.TechnicianId), NotificationEvents.InstallationWorkOrderCancelled,
                Values(customer, package, old.ScheduledFor));
        await outbox.InsertNewAsync(db, messages, cancellationToken);
        return skipped;
    }

    public static Dictionary<string, string> Values(Customer customer, string package, DateOnly? scheduledFor) => new()
    {
        ["nama_pelanggan"] = customer.FullName,
        ["kode_pelanggan"] = customer.Code,
        ["alamat"] = Address(customer),
        ["link_peta"] = MapLink(customer.Latitude, customer.Longitude) ?? "(titik lokasi belum ada)",
        ["paket"] = package,
        ["jadwal"] = scheduledFor?.ToString("dddd, d MMMM yyyy", Rupiah.Indonesia) ?? "belum dijadwalkan",
    };

    public static string Address(Customer customer)
    {
        var parts = new[] { customer.Address, customer.Village, customer.District, customer.City, customer.Province, customer.PostalCode }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    public static string? MapLink(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lng
            ? string.Create(CultureInfo.InvariantCulture, $"https://www.google.com/maps?q={lat:0.######},{lng:0.######}")
            : null;
}
