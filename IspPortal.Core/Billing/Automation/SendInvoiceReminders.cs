using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Automation;

/// <param name="Queued">Messages queued by this run (one per invoice, offset and channel).</param>
/// <param name="AlreadyQueued">Messages an earlier run of the day had queued.</param>
public sealed record ReminderRunResult(long RunId, DateOnly Day, int Invoices, int Queued, int AlreadyQueued);

/// <summary>
/// The day's reminders (by default H-7, H-3, H-1 before the due date, H+3 and H+7 after; the days
/// come from the settings): every invoice still owing whose due date is that many days away or
/// past. The outbox key names invoice and offset, so each reminder goes out once however often
/// this runs; reminders wait out the quiet hours in the dispatcher.
/// </summary>
public sealed class SendInvoiceReminders(
    IIspDbFactory dbs, IOutboxWriter outbox, IPaymentLinks links, PortalSettings settings, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public const int BatchSize = 2000;

    public async Task<ReminderRunResult> ExecuteAsync(BillingRunTrigger trigger, CancellationToken cancellationToken = default)
    {
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var today = await ispClock.TodayAsync(cancellationToken);
        var actor = await currentUser.GetAsync(cancellationToken);
        var dueDates = billing.ReminderOffsets.Select(offset => today.AddDays(-offset)).ToList();

        await using var runs = await dbs.CreateAsync(cancellationToken);
        var run = new BillingRun(BillingRunKind.Reminders, today, trigger, actor.Name, clock.GetUtcNow());
        runs.BillingRuns.Add(run);
        await runs.SaveChangesAsync(cancellationToken);
        try
        {
            int invoices = 0, queued = 0, total = 0, cursor = 0;
            while (true)
            {
                await using var db = await dbs.CreateAsync(cancellationToken);
                var batch = await db.Invoices.AsNoTracking().Include(i => i.Customer)
                    .Where(i => i.Id > cursor && Arrears.Owing.Contains(i.Status) && dueDates.Contains(i.DueDate))
                    .Where(i => i.Customer!.Status != CustomerStatus.Terminated)
                    .OrderBy(i => i.Id).Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                    break;
                var now = clock.GetUtcNow();
                var messages = batch
                    .SelectMany(i => BillingNotices.Reminder(i.Customer!, i, today.DayNumber - i.DueDate.DayNumber, links.For(i.Number, i.PayLinkVersion), now))
                    .ToList();
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    queued += await outbox.InsertNewAsync(db, messages, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                invoices += batch.Count;
                total += messages.Count;
                cursor = batch[^1].Id;
            }
            run.Progress(queued);
            run.Finish(total - queued, clock.GetUtcNow());
            await runs.SaveChangesAsync(CancellationToken.None);
            return new ReminderRunResult(run.Id, today, invoices, queued, total - queued);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            run.Fail(exception.Message, clock.GetUtcNow());
            await runs.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}
