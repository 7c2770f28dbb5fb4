using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// Asks the gateway about charges (QRIS codes, virtual accounts, e-wallet payments) that expired without a final word from it: a lost
/// notification would otherwise leave money taken and the customer isolated. Settled ones are
/// confirmed exactly as a notification would (<see cref="ReceiveGatewayNotification"/>), expired ones closed.
/// Runs with the billing job; a few charges per tick, oldest first, for two days after they were made.
/// </summary>
public sealed class ReconcileGatewayPayments(
    IIspDbFactory dbs, IEnumerable<IPaymentGateway> gateways, ReceiveGatewayNotification notifications, TimeProvider clock, ILogger<ReconcileGatewayPayments> logger)
{
    public const int PerTick = 20;
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(2);

    /// <returns>How many payments the gateway's answer changed.</returns>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expiredBefore = now - Grace;
        var madeAfter = now - GiveUpAfter;
        List<(string Gateway, string OrderId, int CustomerId)> stale;
        await using (var db = await dbs.CreateAsync(cancellationToken))
        {
            stale = (await db.Payments.AsNoTracking()
                .Where(p => p.Status == PaymentStatus.Pending && p.Gateway != null && p.GatewayOrderId != null)
                .Where(p => p.GatewayExpiresAt < expiredBefore && p.CreatedAt > madeAfter)
                .OrderBy(p => p.GatewayExpiresAt).Take(PerTick)
                .Select(p => new { p.Gateway, p.GatewayOrderId, p.CustomerId })
                .ToListAsync(cancellationToken))
                .Select(p => (p.Gateway!, p.GatewayOrderId!, p.CustomerId)).ToList();
        }

        var changed = 0;
        foreach (var (gatewayName, orderId, customerId) in stale)
        {
            if (gateways.SingleOrDefault(g => g.Name == gatewayName) is not { } gateway)
                continue;
            try
            {
                var status = await gateway.GetStatusAsync(orderId, cancellationToken);
                var result = await notifications.ApplyStatusAsync(gatewayName, status, customerId, cancellationToken);
                if (result.Verdict is NotificationVerdict.Confirmed or NotificationVerdict.Closed)
                    changed++;
            }
            catch (PaymentGatewayException exception)
            {
                logger.LogWarning("Checking {Gateway} order {OrderId} failed: {Error}", gatewayName, orderId, exception.Message);
            }
        }
        return changed;
    }
}
