using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Finance.Budgets;

/// <summary>
/// Tells Finance when an account's actual for the current month passes 90% and then 100% of its
/// budget: once per account, month and threshold (the outbox key is the record of who was told),
/// however often the job looks.
/// </summary>
public sealed class BudgetAlerts(IIspDbFactory dbs, IOutboxWriter outbox, IspClock ispClock, PortalAddress portal, TimeProvider clock)
{
    public const string BudgetsPath = "/finance/budgets";
    public static readonly int[] Thresholds = [90, 100];

    /// <returns>Messages queued.</returns>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var today = await ispClock.TodayAsync(cancellationToken);
        var month = new DateOnly(today.Year, today.Month, 1);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.Month == month && b.Amount > 0).ToListAsync(cancellationToken);
        if (budgets.Count == 0)
            return 0;
        var accountIds = budgets.Select(b => b.AccountId).ToList();
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var actuals = await BudgetPlans.ActualsAsync(db, accountIds, month, month.AddMonths(1).AddDays(-1), cancellationToken);
        var finance = await StaffContacts.InRolesAsync(db, [Roles.Finance], cancellationToken);
        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>();
        foreach (var budget in budgets)
        {
            var account = accounts[budget.AccountId];
            var actual = BudgetPlans.Signed(account.Type, actuals.GetValueOrDefault((budget.AccountId, month)));
            var used = actual / budget.Amount * 100m;
            // Only the highest threshold passed: an account that jumps past 100% at once is told once.
            var passed = Thresholds.Where(t => used >= t).DefaultIfEmpty().Max();
            if (passed == 0)
                continue;
            var values = new Dictionary<string, string>
            {
                ["akun"] = $"{account.Code} {account.Name}",
                ["bulan"] = month.ToString("MMMM yyyy", Rupiah.Indonesia),
                ["persen"] = Math.Round(used, 0).ToString(CultureInfo.InvariantCulture),
                ["realisasi"] = Rupiah.Format(actual),
                ["anggaran"] = Rupiah.Format(budget.Amount),
                ["link_anggaran"] = portal.Link(BudgetsPath),
            };
            foreach (var person in finance)
            {
                var key = $"budget:{account.Id}:{month:yyyy-MM}:{passed}:{person.UserId:N}";
                messages.AddRange(OutboxMessage.ToPhoneAndEmail(key, person.Phone, person.Email, NotificationEvents.BudgetThreshold.Key,
                    JsonSerializer.Serialize(new Dictionary<string, string>(values) { ["nama"] = person.FullName }), now));
            }
        }
        if (messages.Count == 0)
            return 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queued = await outbox.InsertNewAsync(db, messages, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return queued;
    }
}
