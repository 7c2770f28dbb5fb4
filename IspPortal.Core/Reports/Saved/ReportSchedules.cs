using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// A saved report's schedules (set, delete), the users they may be sent to, and the history of what was sent. The owner or an Admin
/// edits them; recipients must be active users with an e-mail (whether each may read the report is checked when it is sent).
/// </summary>
public sealed class ReportSchedules(IIspDbFactory dbs, ICurrentUser currentUser, IspClock ispClock, TimeProvider clock)
{
    public const string ScheduleNotFound = "Jadwal tidak ditemukan; mungkin sudah dihapus.";
    public const string BadRecipients = "Pilih 1 sampai 50 penerima: pengguna aktif yang memiliki e-mail.";

    /// <param name="scheduleId">Null to add a schedule to the saved report; else the schedule to change.</param>
    public async Task<Outcome<int>> SaveAsync(int savedReportId, int? scheduleId, ScheduleInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        var problems = Check(input);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.SavedReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == savedReportId, cancellationToken) is not { } report)
            return Outcome.Refused<int>("", SavedReportAccess.NotFound);
        if (!SavedReportAccess.MayEdit(actor, report))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        var recipients = (input.Recipients ?? []).Distinct().ToList();
        var valid = recipients.Count == 0 ? 0 : await db.Users.CountAsync(u => recipients.Contains(u.Id) && u.IsActive && u.Email != null && u.Email != "", cancellationToken);
        problems.When(recipients.Count is 0 or > ReportSchedule.MaxRecipients || valid != recipients.Count, "recipients", BadRecipients);
        if (problems.Any)
            return Outcome.Refused<int>(problems);

        ReportSchedule schedule;
        if (scheduleId is null)
        {
            schedule = new ReportSchedule(savedReportId, clock.GetUtcNow());
            db.ReportSchedules.Add(schedule);
        }
        else if (await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId && s.SavedReportId == savedReportId, cancellationToken) is { } found)
            schedule = found;
        else
            return Outcome.Refused<int>("", ScheduleNotFound);
        schedule.Change(input.Frequency, input.Day, input.Hour, input.Format, recipients, input.Active, await ispClock.ZoneAsync(cancellationToken), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(schedule.Id);
    }

    public async Task<Outcome<bool>> DeleteAsync(int scheduleId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken) is not { } schedule)
            return Outcome.Refused<bool>("", ScheduleNotFound);
        var report = await db.SavedReports.AsNoTracking().SingleAsync(r => r.Id == schedule.SavedReportId, cancellationToken);
        if (!SavedReportAccess.MayEdit(actor, report))
            return Outcome.Refused<bool>("", Actor.NotPermitted);
        db.ReportSchedules.Remove(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(true);
    }

    /// <summary>Active users with an e-mail, by name: whom a schedule may be sent to.</summary>
    public async Task<Outcome<IReadOnlyList<RecipientOption>>> RecipientsAsync(CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.ReportsRead))
            return Outcome.Refused<IReadOnlyList<RecipientOption>>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Email != null && u.Email != "")
            .OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.FullName, u.UserName, u.Email }).ToListAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<RecipientOption>>([.. users.Select(u => new RecipientOption(u.Id, u.FullName.Length > 0 ? u.FullName : u.UserName ?? "", u.Email!))]);
    }

    /// <summary>The saved report's latest deliveries (all its schedules), newest first.</summary>
    public async Task<Outcome<IReadOnlyList<DeliveryView>>> HistoryAsync(int savedReportId, int take = 50, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.SavedReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == savedReportId, cancellationToken) is not { } report)
            return Outcome.Refused<IReadOnlyList<DeliveryView>>("", SavedReportAccess.NotFound);
        if (!SavedReportAccess.MayEdit(actor, report))
            return Outcome.Refused<IReadOnlyList<DeliveryView>>("", Actor.NotPermitted);
        var rows = await db.ReportDeliveries.AsNoTracking()
            .Where(d => db.ReportSchedules.Any(s => s.Id == d.ScheduleId && s.SavedReportId == savedReportId))
            .OrderByDescending(d => d.DueAt).ThenByDescending(d => d.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<DeliveryView>>([.. rows.Select(d => new DeliveryView(d.Id, d.ScheduleId, d.DueAt, d.Status, d.Message, d.OutboxIds.Count))]);
    }

    public static ScheduleView View(ReportSchedule s) =>
        new(s.Id, s.SavedReportId, s.Frequency, s.Day, s.Hour, s.Format, s.RecipientIds, s.IsActive, s.NextDueAt);

    private static FieldErrors Check(ScheduleInput input) => new FieldErrors()
        .When(!Enum.IsDefined(input.Frequency), "frequency", "Frekuensi tidak dikenal.")
        .When(input.Frequency == ScheduleFrequency.Monthly && input.Day is < 1 or > ReportSchedule.LastMonthDay, "day", "Tanggal tiap bulan 1 sampai 28.")
        .When(input.Frequency == ScheduleFrequency.Weekly && input.Day is < 0 or > 6, "day", "Pilih hari dalam seminggu.")
        .When(input.Hour is < 0 or > 23, "hour", "Jam 0 sampai 23.")
        .When(input.Format is not (ExportFormat.Pdf or ExportFormat.Xlsx), "format", "Format kiriman PDF atau xlsx.");
}
