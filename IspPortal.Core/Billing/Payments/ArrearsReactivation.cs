using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Network.Isolation;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// Lifts the isolation of customers that billing isolated once nothing isolating is left owing
/// (<see cref="Arrears"/>), through the same isolir/activate as the NOC, and queues the
/// reactivation message. Called right after a payment is posted, and every minute by the billing job
/// so a payment whose router was unreachable, or an instance that died after posting, still gets
/// its customer back online. A customer isolated by a person stays isolated: that was not billing's call.
/// </summary>
public sealed class ArrearsReactivation(IIspDbFactory dbs, CustomerIsolation isolation, PortalSettings settings, IspClock ispClock, TimeProvider clock, ILogger<ArrearsReactivation> logger)
{
    public const string Reason = "Tagihan telah dibayar";

    /// <param name="customerId">Only this customer; null for every customer billing isolated.</param>
    /// <returns>The customers activated (on the router or, when it did not answer, decided and left for the sync).</returns>
    public async Task<IReadOnlyList<string>> ExecuteAsync(int? customerId = null, CancellationToken cancellationToken = default)
    {
        var billing = await settings.GetAsync<BillingSettings>(cancellationToken);
        var today = await ispClock.TodayAsync(cancellationToken);
        List<(int Id, string Code)> cleared;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            var isolating = Arrears.Isolating(today, billing.IsolirAfterDays);
            cleared = (await db.Customers.AsNoTracking()
                .Where(c => c.Status == CustomerStatus.Isolated && (customerId == null || c.Id == customerId))
                .Where(c => db.CustomerStatusLogs
                    .Where(l => l.CustomerId == c.Id && l.Kind == StatusChangeKind.Lifecycle)
                    .OrderByDescending(l => l.ChangedAt).ThenByDescending(l => l.Id)
                    .Select(l => l.Source).FirstOrDefault() == StatusChangeSource.Billing)
                .Where(c => !db.Invoices.Where(i => i.CustomerId == c.Id).Any(isolating))
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Code })
                .ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.Code)).ToList();
        }

        var activated = new List<string>();
        foreach (var (id, code) in cleared)
        {
            var outcome = await isolation.ActivateAsync(code, Reason, StatusChangeSource.Billing, cancellationToken);
            if (!outcome.Succeeded)
            {
                logger.LogWarning("Reactivating {Customer} after payment was refused: {Error}", code, outcome.FirstError);
                continue;
            }
            activated.Add(code);
            await using var db = await dbs.CreateAsync(cancellationToken);
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            var activatedAt = await db.CustomerStatusLogs.Where(l => l.CustomerId == id && l.Kind == StatusChangeKind.Lifecycle)
                .OrderByDescending(l => l.ChangedAt).Select(l => l.ChangedAt).FirstAsync(cancellationToken);
            await BillingNotices.QueueNewAsync(db, BillingNotices.Reactivation(customer, activatedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), clock.GetUtcNow()), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return activated;
    }
}
