using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.SignIn;

public enum CodeRequestStatus
{
    /// <summary>Accepted: a code went out if the login is a customer's (the caller is not told which).</summary>
    Accepted,
    Invalid,
    Throttled,
}

public sealed record CodeRequestResult(CodeRequestStatus Status, string? Message = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Sends a sign-in code to the customer a login names, through the outbox (WhatsApp template
/// <c>portal_otp</c>, and e-mail too when the customer has an address: a five-minute code is no use
/// if it waits for a failed WhatsApp attempt to fall back). The answer is the same whether or not the
/// login is a customer's. A number shared by several subscriptions signs in to the one still served
/// longest; the customer code chooses another.
/// </summary>
public sealed class RequestSignInCode(
    IIspDbFactory dbs, SelfServiceThrottle throttle, IDatabaseLocks locks, ISecretProtector secrets, TimeProvider clock)
{
    public async Task<CodeRequestResult> ExecuteAsync(string? login, string address, CancellationToken cancellationToken = default)
    {
        var (normalised, isPhone) = CustomerLogin.Normalise(login);
        if (normalised is null)
            return new CodeRequestResult(CodeRequestStatus.Invalid, CustomerLogin.Invalid);
        if (!await throttle.AllowsCodeAsync(normalised, address, cancellationToken))
            return new CodeRequestResult(CodeRequestStatus.Throttled, SelfServiceThrottle.TooManyCodes, throttle.RetryAfter);
        await throttle.RecordAsync(normalised, address, AttemptKind.CodeRequested, cancellationToken);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await CustomerForAsync(db, normalised, isPhone, cancellationToken);
        if (customer is null)
            return new CodeRequestResult(CodeRequestStatus.Accepted);

        var now = clock.GetUtcNow();
        // The same number reached through its code and through itself: limited here too, silently, so the answer stays the same.
        if (!await throttle.AllowsCodeToAsync(db, customer.Phone, cancellationToken))
            return new CodeRequestResult(CodeRequestStatus.Accepted);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, CodeLock(normalised), cancellationToken);
        await SupersedeAsync(db, normalised, SignInCodePurpose.SignIn, now, cancellationToken);
        var code = new SignInCode(customer.Id, SignInCodePurpose.SignIn, normalised, customer.Phone, secrets.Protect(SecretKind.SignInCode, SignInCode.NewCode()), now);
        db.SignInCodes.Add(code);
        await db.SaveChangesAsync(cancellationToken);
        QueueCode(db, code, customer.FullName, customer.Email, now);
        db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.CodeRequested, null, address, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CodeRequestResult(CodeRequestStatus.Accepted);
    }

    internal static string CodeLock(string login) => $"self-service-code:{login}";

    /// <summary>Only the newest code of a login opens (a sign-in code and a new number's code do not replace each other).</summary>
    internal static async Task SupersedeAsync(IIspDb db, string login, SignInCodePurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var older in await db.SignInCodes.Where(c => c.Login == login && c.Purpose == purpose && c.UsedAt == null && c.ExpiresAt > now).ToListAsync(cancellationToken))
            older.Supersede(now);
    }

    /// <summary>
    /// The code's message, keyed by its row so the outbox finds the code (and a retried job queues nothing twice).
    /// A new number's code goes to that number only: the e-mail proves nothing about it.
    /// </summary>
    internal static void QueueCode(IIspDb db, SignInCode code, string name, string? email, DateTimeOffset now)
    {
        var parameters = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["nama"] = name,
            ["menit"] = ((int)SignInCode.Lifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            [SignInCodeSecrets.CodeIdParameter] = code.Id.ToString(CultureInfo.InvariantCulture),
        });
        var template = code.Purpose == SignInCodePurpose.SignIn ? NotificationEvents.PortalOtp : NotificationEvents.PortalPhoneCode;
        db.OutboxMessages.AddRange(OutboxMessage.ToPhoneAndEmail($"portal-otp:{code.Id}", code.Phone,
            code.Purpose == SignInCodePurpose.SignIn ? email : null, template.Key, parameters, now, code.CustomerId));
    }

    private static async Task<Customer?> CustomerForAsync(IIspDb db, string login, bool isPhone, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking().Where(c => c.Status != CustomerStatus.Terminated);
        if (!isPhone)
            return await customers.SingleOrDefaultAsync(c => c.Code == login, cancellationToken);
        // Served longest: active or isolated before pending or suspended, then the oldest.
        return await customers.Where(c => c.Phone == login)
            .OrderBy(c => c.Status == CustomerStatus.Active || c.Status == CustomerStatus.Isolated ? 0 : 1).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
