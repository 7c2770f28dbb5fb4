using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Automation;

/// <summary>What a tick of the billing job started.</summary>
public sealed record BillingTick(InvoiceRunResult? Invoices, OverdueRunResult? Overdue, ReminderRunResult? Reminders, IReadOnlyList<string> Reactivated);

/// <summary>
/// What the scheduler calls every minute, in the ISP's time zone:
/// <list type="bullet">
/// <item>from 00:00 on the billing day to the month's end, the month's invoice run once a day, so a
/// customer whose service starts mid-month gets a first invoice by days the same day;</item>
/// <item>at 09:00 the overdue check (overdue marking, isolir at H+10);</item>
/// <item>at 10:00 the reminders;</item>
/// <item>every minute, QRIS codes that expired without the gateway's word are checked with it, and
/// customers whose arrears a payment cleared are reactivated.</item>
/// </list>
/// A daily run counts as done once it completed that day; one that failed is tried again on the next
/// ticks, at most <see cref="AttemptsPerDay"/> times. One instance runs at a time (advisory lock).
/// </summary>
public sealed class RunBillingSchedule(
    IIspDbFactory dbs, IDatabaseLocks locks, IspClock ispClock, PortalSettings settings,
    GenerateInvoices invoices, CheckOverdueInvoices overdue, SendInvoiceReminders reminders, ReconcileGatewayPayments reconcile, ArrearsReactivation reactivation,
    ILogger<RunBillingSchedule> logger)
{
    public const string LockName = "job:billing";
    public const int AttemptsPerDay = 3;
    public static readonly TimeOnly OverdueCheckAt = new(9, 0);
    public static readonly TimeOnly RemindersAt = new(10, 0);

    /// <returns>What ran; null when another instance holds the job.</returns>
    public async Task<BillingTick?> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await locks.TryLockForTransactionAsync(db, LockName, cancellationToken))
            return null;

        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var now = await ispClock.NowAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.DateTime);
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), now.Offset).ToUniversalTime();
        var time = TimeOnly.FromDateTime(now.DateTime);

        InvoiceRunResult? invoiceRun = null;
        if (today.Day >= billing.BillingDay && await DueAsync(db, BillingRunKind.Invoices, Invoice.FirstDayOf(today), midnight, cancellationToken))
        {
            var outcome = await invoices.ExecuteAsync(today, BillingRunTrigger.Schedule, cancellationToken);
            invoiceRun = outcome.Value;
            if (!outcome.Succeeded)
                logger.LogError("Scheduled invoice run refused: {Error}", outcome.FirstError);
        }
        OverdueRunResult? overdueRun = null;
        if (time >= OverdueCheckAt && await DueAsync(db, BillingRunKind.OverdueCheck, today, midnight, cancellationToken))
            overdueRun = await overdue.ExecuteAsync(BillingRunTrigger.Schedule, cancellationToken);
        ReminderRunResult? reminderRun = null;
        if (time >= RemindersAt && await DueAsync(db, BillingRunKind.Reminders, today, midnight, cancellationToken))
            reminderRun = await reminders.ExecuteAsync(BillingRunTrigger.Schedule, cancellationToken);
        await reconcile.ExecuteAsync(cancellationToken);
        var reactivated = await reactivation.ExecuteAsync(cancellationToken: cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        if (invoiceRun is not null)
            logger.LogInformation("Billing job: invoice run for {Period:yyyy-MM} created {Created}", invoiceRun.Period, invoiceRun.Created);
        if (overdueRun is not null)
            logger.LogInformation("Billing job: overdue check marked {Overdue} overdue, isolated {Isolated}, {Exempt} exempt, {Failed} failed",
                overdueRun.MarkedOverdue, overdueRun.Isolated, overdueRun.Exempt, overdueRun.Failed);
        if (reminderRun is not null)
            logger.LogInformation("Billing job: {Queued} reminders queued for {Invoices} invoices", reminderRun.Queued, reminderRun.Invoices);
        if (reactivated.Count > 0)
            logger.LogInformation("Billing job: reactivated {Customers} after payment", string.Join(", ", reactivated));
        return new BillingTick(invoiceRun, overdueRun, reminderRun, reactivated);
    }

    private static async Task<bool> DueAsync(IIspDb db, BillingRunKind kind, DateOnly period, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var today = await db.BillingRuns.AsNoTracking()
            .Where(r => r.Kind == kind && r.Period == period && r.Trigger == BillingRunTrigger.Schedule && r.StartedAt >= since)
            .Select(r => r.Status)
            .ToListAsync(cancellationToken);
        return !today.Contains(BillingRunStatus.Completed) && today.Count < AttemptsPerDay;
    }
}
