using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IspPortal.Core.SelfService.SignIn;

/// <summary>
/// Counts code requests and wrong codes in PostgreSQL, so every instance sees the same counts, by
/// login and by address, for real and unknown logins alike. Two requests at the same moment may both
/// take the last slot: the limit is a bar, not a lock.
/// </summary>
public sealed class SelfServiceThrottle(IIspDbFactory dbs, TimeProvider clock, IOptions<SelfServiceThrottleOptions> options)
{
    public const string TooManyCodes = "Terlalu banyak permintaan kode. Coba lagi dalam beberapa menit.";
    public const string TooManyTries = "Terlalu banyak kode yang salah. Coba lagi dalam beberapa menit.";
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private SelfServiceThrottleOptions Limits => options.Value;

    public TimeSpan RetryAfter => Limits.Window;

    public async Task<bool> AllowsCodeAsync(string login, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var since = now - Limits.Window;
        var from = Trim(address);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var requests = db.SelfServiceAttempts.AsNoTracking().Where(a => a.Kind == AttemptKind.CodeRequested);
        if (await requests.CountAsync(a => a.Address == from && a.At > since, cancellationToken) >= Limits.CodesPerAddress)
            return false;
        var dayAgo = now - Day;
        var forLogin = await requests.Where(a => a.Login == login && a.At > dayAgo).Select(a => a.At).ToListAsync(cancellationToken);
        return forLogin.Count(at => at > since) < Limits.CodesPerLogin && forLogin.Count < Limits.CodesPerLoginPerDay;
    }

    /// <summary>Codes sent to one number, whichever login asked for them.</summary>
    public Task<bool> AllowsCodeToAsync(IIspDb db, string phone, CancellationToken cancellationToken = default) =>
        WithinCodeLimitsAsync(db.SignInCodes.Where(c => c.Phone == phone), cancellationToken);

    /// <summary>Codes a signed-in customer asked for to prove new numbers, whichever numbers they went to.</summary>
    public Task<bool> AllowsNewPhoneCodeAsync(IIspDb db, int customerId, CancellationToken cancellationToken = default) =>
        WithinCodeLimitsAsync(db.SignInCodes.Where(c => c.CustomerId == customerId && c.Purpose == SignInCodePurpose.NewPhone), cancellationToken);

    /// <summary>The per-login limits, applied to codes already sent (in the window, and in a day).</summary>
    private async Task<bool> WithinCodeLimitsAsync(IQueryable<SignInCode> codes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (since, dayAgo) = (now - Limits.Window, now - Day);
        var sent = await codes.AsNoTracking().Where(c => c.CreatedAt > dayAgo).Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        return sent.Count(at => at > since) < Limits.CodesPerLogin && sent.Count < Limits.CodesPerLoginPerDay;
    }

    public async Task<bool> AllowsCodeCheckAsync(string address, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - Limits.Window;
        var from = Trim(address);
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.SelfServiceAttempts.CountAsync(a => a.Kind == AttemptKind.WrongCode && a.Address == from && a.At > since, cancellationToken)
            < Limits.WrongCodesPerAddress;
    }

    public async Task RecordAsync(string login, string address, AttemptKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        db.SelfServiceAttempts.Add(new SelfServiceAttempt { Login = login, Address = Trim(address), Kind = kind, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes what no limit looks at any more, with the codes that can no longer open anything.</summary>
    public async Task<int> ForgetOldAsync(CancellationToken cancellationToken = default)
    {
        var dayAgo = clock.GetUtcNow() - Day;
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.SelfServiceAttempts.Where(a => a.At < dayAgo).ExecuteDeleteAsync(cancellationToken)
            + await db.SignInCodes.Where(c => c.ExpiresAt < dayAgo).ExecuteDeleteAsync(cancellationToken)
            + await db.SelfServiceSessions.Where(s => s.ExpiresAt < dayAgo || s.EndedAt < dayAgo).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Trim(string address) =>
        address.Length <= SelfServiceAttempt.AddressMaxLength ? address : address[..SelfServiceAttempt.AddressMaxLength];
}
