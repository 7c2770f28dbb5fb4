using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Automation;

/// <summary>
/// Keeps a customer online while they owe: a VIP with no end, or a promise to pay until a date
/// ("Janji bayar sampai 25/02"). <see cref="CheckOverdueInvoices"/> counts and skips them. Finance's
/// decision (<c>billing.write</c>, enforced by the page and API); the audit trail keeps who and why.
/// </summary>
public sealed class IsolationExemptions(IIspDbFactory dbs, IspClock ispClock, TimeProvider clock)
{
    public const int ReasonMaxLength = 200;
    public const string UntilField = "Until";
    public const string ReasonField = "Reason";
    private const int Attempts = 3;

    /// <param name="until">Last exempt day (inclusive); null for no end.</param>
    public async Task<Outcome<ExemptionView>> SetAsync(string customerCode, DateOnly? until, string reason, CancellationToken cancellationToken = default)
    {
        reason = reason.Trim();
        var today = await ispClock.TodayAsync(cancellationToken);
        var errors = new FieldErrors()
            .When(reason.Length is 0 or > ReasonMaxLength, ReasonField, $"Alasan wajib diisi (maks. {ReasonMaxLength} karakter), misalnya VIP atau janji bayar.")
            .When(until < today, UntilField, "Tanggal akhir tidak boleh di masa lalu.");
        if (errors.Any)
            return Outcome.Refused<ExemptionView>(errors);
        return await ChangeAsync(customerCode, customer => customer.ExemptFromIsolation(until, reason), c => new ExemptionView(until, reason, c.IsExemptFromIsolation(today)), cancellationToken);
    }

    public async Task<Outcome<ExemptionView>> EndAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        return await ChangeAsync(customerCode, customer => customer.EndIsolationExemption(), _ => new ExemptionView(null, null, false), cancellationToken);
    }

    private async Task<Outcome<ExemptionView>> ChangeAsync(string customerCode, Action<Customer> change, Func<Customer, ExemptionView> view, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbs.CreateAsync(cancellationToken);
            var customer = await db.Customers.SingleOrDefaultAsync(c => c.Code == customerCode.Trim(), cancellationToken);
            if (customer is null)
                return Outcome.Refused<ExemptionView>("", $"Pelanggan {customerCode} tidak ditemukan.");
            if (customer.Status == CustomerStatus.Terminated)
                return Outcome.Refused<ExemptionView>("", $"Pelanggan {customer.Code} sudah berhenti berlangganan.");
            change(customer);
            customer.MarkEdited(clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Done(view(customer));
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // The router sync touched the customer's row meanwhile (its connection state); apply the change to the fresh row.
            }
        }
    }
}
