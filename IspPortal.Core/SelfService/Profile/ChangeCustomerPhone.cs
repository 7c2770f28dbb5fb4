using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.SelfService.SignIn;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Profile;

public enum PhoneChangeStatus
{
    /// <summary>A code went to the new number.</summary>
    CodeSent,
    /// <summary>The new number replaced the old one.</summary>
    Changed,
    Refused,
    Throttled,
}

/// <param name="Field">The input the refusal is about (<c>phone</c> or <c>code</c>).</param>
public sealed record PhoneChangeResult(PhoneChangeStatus Status, string Message, string? Field = null, TimeSpan? RetryAfter = null);

/// <summary>
/// A customer moves their account to another WhatsApp number in two steps: a code is sent to the new
/// number, and only that code, typed back while signed in, makes it the customer's. The old number is
/// told, so a stolen session cannot move an account away unnoticed. Codes follow the sign-in codes' rules
/// (five minutes, five wrong tries, only the newest opens) and their limits.
/// </summary>
public sealed class ChangeCustomerPhone(
    IIspDbFactory dbs, SelfServiceThrottle throttle, IDatabaseLocks locks, ISecretProtector secrets, TimeProvider clock)
{
    public const string SameNumber = "Nomor ini sudah terdaftar sebagai nomor WhatsApp Anda.";
    public const string WrongCode = "Kode salah atau sudah kedaluwarsa. Periksa kode terakhir yang dikirim ke nomor baru, atau minta kode baru.";

    public async Task<PhoneChangeResult> RequestCodeAsync(SelfServiceCaller caller, string? newPhone, string address, CancellationToken cancellationToken = default)
    {
        var (phone, error) = IndonesianPhone.Normalise(newPhone);
        if (error is not null)
            return new PhoneChangeResult(PhoneChangeStatus.Refused, error, "phone");
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == caller.CustomerId, cancellationToken);
        if (customer.Phone == phone)
            return new PhoneChangeResult(PhoneChangeStatus.Refused, SameNumber, "phone");
        if (!await throttle.AllowsNewPhoneCodeAsync(db, customer.Id, cancellationToken) || !await throttle.AllowsCodeToAsync(db, phone!, cancellationToken))
            return new PhoneChangeResult(PhoneChangeStatus.Throttled, SelfServiceThrottle.TooManyCodes, RetryAfter: throttle.RetryAfter);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, CodeLock(customer.Id), cancellationToken);
        await RequestSignInCode.SupersedeAsync(db, customer.Code, SignInCodePurpose.NewPhone, now, cancellationToken);
        var code = new SignInCode(customer.Id, SignInCodePurpose.NewPhone, customer.Code, phone!, secrets.Protect(SecretKind.SignInCode, SignInCode.NewCode()), now);
        db.SignInCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        RequestSignInCode.QueueCode(db, code, customer.FullName, null, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PhoneChangeResult(PhoneChangeStatus.CodeSent,
            $"Kode verifikasi sudah dikirim lewat WhatsApp ke {phone}. Masukkan kode itu untuk memakai nomor baru.");
    }

    public async Task<PhoneChangeResult> ConfirmAsync(SelfServiceCaller caller, string? code, string address, CancellationToken cancellationToken = default)
    {
        var given = (code ?? "").Trim();
        if (!SignInCode.IsWellFormed(given))
            return new PhoneChangeResult(PhoneChangeStatus.Refused, WrongCode, "code");
        if (!await throttle.AllowsCodeCheckAsync(address, cancellationToken))
            return new PhoneChangeResult(PhoneChangeStatus.Throttled, SelfServiceThrottle.TooManyTries, RetryAfter: throttle.RetryAfter);

        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, CodeLock(caller.CustomerId), cancellationToken);
        var (sent, verdict) = await SignInCode.CheckNewestAsync(
            db.SignInCodes.Where(c => c.CustomerId == caller.CustomerId && c.Purpose == SignInCodePurpose.NewPhone), secrets, given, now, cancellationToken);
        if (verdict != CodeCheck.Accepted)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await throttle.RecordAsync(caller.CustomerCode, address, AttemptKind.WrongCode, cancellationToken);
            return new PhoneChangeResult(PhoneChangeStatus.Refused, WrongCode, "code");
        }

        var customer = await db.Customers.SingleAsync(c => c.Id == caller.CustomerId, cancellationToken);
        var oldPhone = customer.Phone;
        customer.Phone = sent!.Phone;
        customer.MarkEdited(now);
        db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.PhoneChanged, $"{oldPhone} → {customer.Phone}", address, now));
        if (oldPhone != customer.Phone)
            db.OutboxMessages.AddRange(OutboxMessage.ToPhoneAndEmail($"portal-phone-changed:{sent.Id}", oldPhone, customer.Email, NotificationEvents.PortalPhoneChanged.Key,
                JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["nama"] = customer.FullName,
                    ["kode_pelanggan"] = customer.Code,
                    ["nomor_baru"] = Masked(customer.Phone),
                }), now, customer.Id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PhoneChangeResult(PhoneChangeStatus.Changed, $"Nomor WhatsApp Anda sekarang {customer.Phone}.");
    }

    /// <summary>The old number may no longer be the customer's: it learns that a change happened, not the whole new number.</summary>
    internal static string Masked(string phone) =>
        phone.Length <= 10 ? phone : string.Concat(phone.AsSpan(0, 6), new string('*', phone.Length - 10), phone.AsSpan(phone.Length - 4));

    private static string CodeLock(int customerId) => string.Create(CultureInfo.InvariantCulture, $"self-service-new-phone:{customerId}");
}
