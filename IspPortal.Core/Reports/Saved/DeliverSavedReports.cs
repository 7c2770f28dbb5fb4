using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// Sends saved reports whose schedule is due (the job, every minute) or at once ("Kirim sekarang"). Each occurrence is claimed first
/// (a <c>report_deliveries</c> row unique per schedule and due moment, in the transaction that also writes the e-mails and moves the
/// schedule on), so a restart, a retry or a second instance sends it once. After downtime only the latest missed occurrence is sent:
/// a report of last month sent three times late helps nobody, and the history shows the gap.
/// </summary>
public sealed class DeliverSavedReports(
    IIspDbFactory dbs, IReportDeliveryClaims claims, ReportMailer mailer, ICurrentUser currentUser, IspClock ispClock, TimeProvider clock,
    ILogger<DeliverSavedReports> logger)
{
    /// <summary>The job's run: every active schedule due by now. Returns the deliveries this run made.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        List<int> due;
        await using (var db = await dbs.CreateAsync(cancellationToken))
            due = await db.ReportSchedules.AsNoTracking().Where(s => s.IsActive && s.NextDueAt <= now).OrderBy(s => s.NextDueAt).Select(s => s.Id).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var id in due)
        {
            try
            {
                if (await DeliverAsync(id, null, now, cancellationToken) is not null)
                    made++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Rolled back with its claim: the next minute tries it again.
                logger.LogError(exception, "Saved report schedule {ScheduleId} could not be delivered", id);
            }
        }
        return made;
    }

    /// <summary>"Kirim sekarang": the schedule's report to its recipients now (an occurrence of its own; the next due time stays).</summary>
    public async Task<Outcome<DeliveryView>> RunNowAsync(int scheduleId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            var report = await db.SavedReports.AsNoTracking()
                .SingleOrDefaultAsync(r => db.ReportSchedules.Any(s => s.Id == scheduleId && s.SavedReportId == r.Id), cancellationToken);
            if (report is null)
                return Outcome.Refused<DeliveryView>("", ReportSchedules.ScheduleNotFound);
            if (!SavedReportAccess.MayEdit(actor, report))
                return Outcome.Refused<DeliveryView>("", Actor.NotPermitted);
        }
        var now = clock.GetUtcNow();
        var delivery = await DeliverAsync(scheduleId, now, now, cancellationToken);
        return delivery is null
            ? Outcome.Refused<DeliveryView>("", "Laporan ini baru saja dikirim; coba lagi sebentar lagi.")
            : Outcome.Done(delivery);
    }

    /// <param name="at">Null for the schedule's due occurrence (the latest one passed, then the schedule moves on); else a one-off at that moment.</param>
    private async Task<DeliveryView?> DeliverAsync(int scheduleId, DateTimeOffset? at, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = await ispClock.ZoneAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == scheduleId, cancellationToken) is not { } schedule
            || (at is null && (!schedule.IsActive || schedule.NextDueAt > now)))
            return null;
        var due = at ?? ScheduleTimes.Latest(schedule.Frequency, schedule.Day, schedule.Hour, zone, schedule.NextDueAt, now);
        if (await claims.ClaimAsync(db, schedule.Id, due, now, cancellationToken) is not { } id)
            return null;

        var report = await db.SavedReports.AsNoTracking().SingleAsync(r => r.Id == schedule.SavedReportId, cancellationToken);
        var result = await mailer.QueueAsync(db, report, schedule, due, zone, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var delivery = await db.ReportDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
        delivery.Finish(result.Status, result.Message, result.Messages.Select(m => m.Id));
        if (at is null)
            schedule.Advance(due, zone, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (result.Status != DeliveryStatus.Sent)
            logger.LogWarning("Saved report {ReportId} ({Name}) due {Due}: {Status}: {Message}", report.Id, report.Name, due, result.Status, result.Message);
        return new DeliveryView(delivery.Id, schedule.Id, due, delivery.Status, delivery.Message, delivery.OutboxIds.Count);
    }
}
