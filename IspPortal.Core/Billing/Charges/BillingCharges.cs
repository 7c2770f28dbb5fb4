using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Billing.Charges;

public sealed record ChargeInput(string CustomerCode, InvoiceLineKind Kind, string Description, decimal Amount);

/// <summary>One-off charges and discounts for a customer's next invoice (installation, equipment, promo).</summary>
public sealed class BillingCharges(IIspDbFactory dbs, ICurrentUser currentUser, TimeProvider clock)
{
    public const decimal MaxAmount = 100_000_000m;

    public async Task<Outcome<BillingCharge>> AddAsync(ChargeInput input, CancellationToken cancellationToken = default)
    {
        var description = input.Description.Trim();
        var errors = new FieldErrors()
            .When(!BillingCharge.Kinds.Contains(input.Kind), nameof(ChargeInput.Kind), "Jenis harus instalasi, perangkat, lain-lain atau diskon.")
            .When(description.Length is 0 or > BillingCharge.DescriptionMaxLength, nameof(ChargeInput.Description), $"Keterangan wajib diisi (maks. {BillingCharge.DescriptionMaxLength} karakter).")
            .When(input.Amount <= 0 || input.Amount > MaxAmount, nameof(ChargeInput.Amount), $"Jumlah harus lebih dari 0 dan paling banyak {Rupiah.Format(MaxAmount)}.")
            .When(decimal.Truncate(input.Amount) != input.Amount, nameof(ChargeInput.Amount), "Jumlah harus dalam rupiah penuh, tanpa sen.");
        if (errors.Any)
            return Outcome.Refused<BillingCharge>(errors);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == input.CustomerCode.Trim(), cancellationToken);
        if (customer is null)
            return Outcome.Refused<BillingCharge>(nameof(ChargeInput.CustomerCode), $"Pelanggan {input.CustomerCode} tidak ditemukan.");
        if (customer.Status == CustomerStatus.Terminated)
            return Outcome.Refused<BillingCharge>(nameof(ChargeInput.CustomerCode), $"Pelanggan {customer.Code} sudah berhenti berlangganan; tidak ada tagihan berikutnya.");
        var actor = await currentUser.GetAsync(cancellationToken);
        var charge = new BillingCharge(customer.Id, input.Kind, description, input.Amount, actor.UserId, clock.GetUtcNow());
        db.BillingCharges.Add(charge);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(charge);
    }

    /// <summary>Removes a charge that no invoice has taken yet.</summary>
    public async Task<Outcome<bool>> RemoveAsync(long chargeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var charge = await db.BillingCharges.SingleOrDefaultAsync(c => c.Id == chargeId, cancellationToken);
        if (charge is null)
            return Outcome.Refused<bool>("", "Biaya tidak ditemukan.");
        if (charge.InvoiceId is not null)
            return Outcome.Refused<bool>("", "Biaya ini sudah masuk tagihan; buat nota kredit bila perlu dikoreksi.");
        db.BillingCharges.Remove(charge);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(true);
    }

    public async Task<IReadOnlyList<BillingCharge>> WaitingAsync(int customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.BillingCharges.AsNoTracking().Where(c => c.CustomerId == customerId && c.InvoiceId == null).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }
}
