using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// Finance revokes an invoice's pay links (one reached the wrong person): every link sent so far
/// stops opening, and the next reminder or a copied link carries a new one. The version change is
/// audited under Finance's name like any change to the invoice.
/// </summary>
public sealed class RevokePaymentLinks(IIspDbFactory dbs, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<int>> ExecuteAsync(int invoiceId, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.BillingWrite))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null)
            return Outcome.Refused<int>("", "Tagihan tidak ditemukan.");
        invoice.RevokePayLinks(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refused<int>("", "Tagihan ini baru saja diubah orang lain; muat ulang lalu coba lagi.");
        }
        return Outcome.Done(invoice.PayLinkVersion);
    }
}
