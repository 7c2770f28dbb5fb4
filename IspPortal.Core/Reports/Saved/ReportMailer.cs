using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Reports.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Reports.Saved;

/// <param name="Messages">The e-mails added to the context (ids once saved), one per recipient.</param>
public sealed record MailResult(DeliveryStatus Status, string Message, IReadOnlyList<OutboxMessage> Messages);

/// <summary>
/// Renders a saved report as its owner (a scope carrying the owner's actor, so the report's use case checks the owner's permissions,
/// not the job's) and adds one e-mail per recipient with the file attached to the outbox of the caller's context. A recipient who is
/// gone, inactive, without an e-mail or not allowed to read the report is skipped, and the skip is said in the result's message.
/// </summary>
public sealed class ReportMailer(IServiceScopeFactory scopes, ReportCatalog catalog, PortalAddress portal)
{
    public async Task<MailResult> QueueAsync(IIspDb db, SavedReport report, ReportSchedule schedule, DateTimeOffset due, TimeZoneInfo zone, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(report.ReportKey) is not { } source)
            return Failed($"Laporan \"{report.ReportKey}\" tidak dikenal lagi; tidak dikirim.");
        var ownerUser = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == report.OwnerId, cancellationToken);
        if (ownerUser is not { IsActive: true })
            return Failed($"Pemilik laporan {(ownerUser is null ? "sudah dihapus" : $"({NameOf(ownerUser)}) sudah nonaktif")}; laporan tidak dikirim.");
        var owner = await ActorAsync(db, ownerUser, cancellationToken);
        if (!source.MayRead(owner))
            return Failed($"Pemilik laporan ({NameOf(ownerUser)}) tidak lagi berhak membaca laporan {source.Title}; laporan tidak dikirim.");

        var today = IspClock.DayOf(due, zone);
        var parameters = report.Filters with { Today = today };
        byte[] content;
        string fileName;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CarriedActor>().Actor = owner;
            var scoped = scope.ServiceProvider.GetServices<IReportSource>().First(s => s.Key == source.Key);
            var table = await scoped.TableAsync(parameters, cancellationToken);
            if (table.Value is null)
                return Failed($"Laporan gagal dibuat: {table.FirstError}");
            using var stream = new MemoryStream();
            await scope.ServiceProvider.GetRequiredService<ReportExporter>().WriteAsync(table.Value, schedule.Format, stream, cancellationToken);
            content = stream.ToArray();
            fileName = ReportExporter.FileName(table.Value, schedule.Format);
        }
        if (content.Length > NotificationAttachment.MaxBytes)
            return Failed("Berkas laporan lebih dari 10 MB, terlalu besar untuk e-mail; persempit filternya.");

        var values = new Dictionary<string, string>
        {
            ["laporan"] = source.Title,
            ["periode"] = PeriodText(source.Resolve(source.Normalise(parameters), today)),
            ["nama_laporan"] = report.Name,
            ["link_laporan"] = portal.Link(source.Link(report.Filters, today)),
        };
        var sent = new List<string>();
        var skipped = new List<string>();
        var messages = new List<OutboxMessage>();
        var users = await db.Users.AsNoTracking().Where(u => schedule.RecipientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var id in schedule.RecipientIds)
        {
            var reason = users.GetValueOrDefault(id) switch
            {
                null => "pengguna sudah dihapus",
                { IsActive: false } => "nonaktif",
                { Email: null or "" } => "tanpa e-mail",
                _ => null,
            };
            if (reason is null && !source.MayRead(await ActorAsync(db, users[id], cancellationToken)))
                reason = "tidak berhak membaca laporan ini";
            var name = users.TryGetValue(id, out var known) ? NameOf(known) : id.ToString();
            if (reason is not null)
            {
                skipped.Add($"{name} ({reason})");
                continue;
            }
            var recipient = users[id];
            var key = string.Create(CultureInfo.InvariantCulture, $"report:{schedule.Id}:{due.UtcDateTime:yyyyMMddHHmmss}:{id:N}");
            var message = new OutboxMessage(key, NotificationChannel.Email, recipient.Email!, NotificationEvents.ReportDelivery.Key,
                JsonSerializer.Serialize(new Dictionary<string, string>(values) { ["nama"] = name }), now);
            message.Attach(fileName, ExportFormats.ContentType(schedule.Format), content);
            db.OutboxMessages.Add(message);
            messages.Add(message);
            sent.Add(name);
        }
        var text = string.Join(" ", new[]
        {
            sent.Count > 0 ? $"Dikirim ke {string.Join(", ", sent)}." : "Tidak ada penerima yang dapat menerima laporan ini.",
            skipped.Count > 0 ? $"Dilewati: {string.Join(", ", skipped)}." : "",
        }.Where(t => t.Length > 0));
        return new MailResult(sent.Count > 0 ? DeliveryStatus.Sent : DeliveryStatus.Skipped, text, messages);
    }

    /// <summary>
    /// "November 2026" for a whole month, "tahun 2026" for a whole year, "per 30 November 2026" for a date report, else the range.
    /// A month report's months (<c>from=2026-01&amp;to=2026-11</c>) cover their whole months.
    /// </summary>
    public static string PeriodText(ReportParameters resolved)
    {
        static DateOnly? Day(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        static DateOnly? Month(string? text) =>
            DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
        static string Long(DateOnly day) => day.ToString("d MMMM yyyy", Rupiah.Indonesia);

        if ((Day(resolved["from"]) ?? Month(resolved["from"])) is { } from
            && (Day(resolved["to"]) ?? Month(resolved["to"])?.AddMonths(1).AddDays(-1)) is { } to)
        {
            if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1))
                return from.ToString("MMMM yyyy", Rupiah.Indonesia);
            if (from.Month == 1 && from.Day == 1 && to == from.AddYears(1).AddDays(-1))
                return $"tahun {from.Year}";
            return $"{Long(from)} – {Long(to)}";
        }
        return Day(resolved["asOf"] ?? resolved["to"]) is { } date ? $"per {Long(date)}" : "";
    }

    private static async Task<Actor> ActorAsync(IIspDb db, PortalUser user, CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(cancellationToken);
        return Actor.For(user.Id, user.UserName ?? "", roles);
    }

    private static string NameOf(PortalUser user) => user.FullName.Length > 0 ? user.FullName : user.UserName ?? "";

    private static MailResult Failed(string message) => new(DeliveryStatus.Failed, message, []);
}
