using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Network;
using IspPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Service;

/// <param name="Password">Shown once to the agent; the customer gets it on WhatsApp.</param>
public sealed record PasswordReset(string Username, string Password, bool AppliedOnRouter, string Message);

/// <summary>
/// A new generated PPPoE password on every copy of the secret, saved first (with the WhatsApp
/// notice in the same transaction), then applied on the routers; the live session is dropped so
/// the old password stops working now. An unreachable router gets it from the next sync.
/// </summary>
public sealed class ResetPppoePassword(IIspDbFactory dbs, ISecretProtector secrets, ProvisionCustomer provisioning, KickCustomer kick, TimeProvider clock)
{
    public static readonly string NoticeTemplate = Notifications.Templates.NotificationEvents.PppoePasswordReset.Key;

    public async Task<Outcome<PasswordReset>> ExecuteAsync(string customerCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (customer, refusal) = await ServicedCustomer.FindAsync(db, customerCode, cancellationToken);
        if (customer is null)
            return Outcome.Refused<PasswordReset>("", refusal);
        var copies = await db.PppoeSecrets.Where(s => s.CustomerId == customer.Id && s.Status != PppoeSecretStatus.Removed).ToListAsync(cancellationToken);
        if (copies.Count == 0)
            return Outcome.Refused<PasswordReset>("", $"Pelanggan {customer.Code} belum punya secret PPPoE.");

        var password = PppoeCredentials.NewPassword();
        var encrypted = secrets.Protect(SecretKind.PppoePassword, password);
        var now = clock.GetUtcNow();
        // A pool's copies carry the same username as the customer's own secret.
        var username = copies[0].Username;
        foreach (var copy in copies)
            copy.Change(encrypted, null, null, now);
        // The password is read from the encrypted secret when the message is sent, never stored here.
        db.OutboxMessages.Add(new OutboxMessage($"pppoe-password-reset:{customer.Code}:{now.ToUnixTimeMilliseconds()}", NotificationChannel.WhatsApp, customer.Phone,
            NoticeTemplate, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["nama"] = customer.FullName, ["username_pppoe"] = username }),
            now, customer.Id));
        await db.SaveChangesAsync(cancellationToken);

        var applied = await provisioning.ExecuteAsync(customer.Id, cancellationToken);
        var onRouter = applied.Value?.Provisioned ?? false;
        if (onRouter)
            await kick.ExecuteAsync(customer.Code, cancellationToken);
        return Outcome.Done(new PasswordReset(username, password, onRouter, onRouter
            ? $"Password PPPoE {username} diganti dan sesi lama diputus."
            : $"Password PPPoE {username} tersimpan; router belum dapat dihubungi, sinkronisasi berikutnya akan memasangnya."));
    }
}
