using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Account;

/// <summary>
/// A customer paying their own invoice through the gateway (QRIS, a bank's virtual account, an
/// e-wallet). The invoice is found within the caller's customer first, so another customer's number
/// is not found; the charge itself, its reuse and its settlement are billing's (<see cref="CreateGatewayPayment"/>).
/// </summary>
public sealed class CustomerPayments(IIspDbFactory dbs, CreateGatewayPayment gateway, TimeProvider clock)
{
    public const string NotFound = "Tagihan tidak ditemukan.";

    /// <returns>Null when the caller has no such invoice.</returns>
    public async Task<Outcome<GatewayPaymentToPay>?> StartAsync(
        SelfServiceCaller caller, string invoiceKey, string? channel, string? address, Uri? returnUrl = null, CancellationToken cancellationToken = default)
    {
        if (await NumberAsync(caller, invoiceKey, cancellationToken) is not { } number)
            return null;
        var started = await gateway.ExecuteAsync(number, channel ?? "", returnUrl, cancellationToken);
        if (started.Succeeded)
        {
            await using var db = await dbs.CreateAsync(cancellationToken);
            db.SelfServiceActivities.Add(new SelfServiceActivity(caller.CustomerId, SelfServiceAction.PaymentStarted,
                $"{number} · {PaymentChannels.Find(channel)!.Label} · {started.Value!.PaymentNumber}", address, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return started;
    }

    /// <returns>The pending charges worth showing; null when the caller has no such invoice.</returns>
    public async Task<IReadOnlyList<GatewayPaymentToPay>?> ShowingAsync(SelfServiceCaller caller, string invoiceKey, CancellationToken cancellationToken = default) =>
        await NumberAsync(caller, invoiceKey, cancellationToken) is { } number ? await gateway.ShowingAsync(number, cancellationToken) : null;

    private async Task<string?> NumberAsync(SelfServiceCaller caller, string key, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await CustomerDocuments.OwnInvoice(db, caller, key).Select(i => i.Number).SingleOrDefaultAsync(cancellationToken);
    }
}
