using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Account;

/// <param name="PendingPhone">A new WhatsApp number a live code was sent to, waiting for that code.</param>
/// <param name="RememberedDevices">Other sessions still open (phones and browsers signed in), which "sign out everywhere" ends.</param>
public sealed record CustomerAccountView(
    string Code, string FullName, string Phone, string? Email, string? Address, bool RemindersOptedOut, string? PendingPhone, int RememberedDevices);

/// <summary>The Profil page: who the portal knows the customer as, and the sessions open in their name.</summary>
public sealed class CustomerAccount(IIspDbFactory dbs, TimeProvider clock)
{
    public async Task<CustomerAccountView> LoadAsync(SelfServiceCaller caller, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == caller.CustomerId)
            .Select(c => new { c.Code, c.FullName, c.Phone, c.Email, c.Address, c.NotificationsOptOut })
            .SingleAsync(cancellationToken);
        var others = await db.SelfServiceSessions.CountAsync(
            s => s.CustomerId == caller.CustomerId && s.Id != caller.SessionId && s.EndedAt == null && s.ExpiresAt > now, cancellationToken);
        var pending = await db.SignInCodes.AsNoTracking()
            .Where(c => c.CustomerId == caller.CustomerId && c.Purpose == SignInCodePurpose.NewPhone && c.UsedAt == null
                && c.WrongTries < SignInCode.MaxWrongTries && c.ExpiresAt > now)
            .OrderByDescending(c => c.Id).Select(c => c.Phone).FirstOrDefaultAsync(cancellationToken);
        return new CustomerAccountView(customer.Code, customer.FullName, customer.Phone, customer.Email, customer.Address, customer.NotificationsOptOut,
            pending, others);
    }
}
