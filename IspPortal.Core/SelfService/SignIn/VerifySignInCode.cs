using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.SignIn;

public enum CodeVerdict
{
    SignedIn,
    Refused,
    Throttled,
}

/// <param name="Token">Shown once: the cookie's value, or the app's bearer token.</param>
public sealed record SignInResult(CodeVerdict Verdict, string? Token = null, DateTimeOffset? ExpiresAt = null, string? Message = null, TimeSpan? RetryAfter = null);

/// <summary>
/// Trades a login and its code for a session. Wrong, expired, used and unknown all get one answer;
/// each wrong try counts against the code (five kill it) and against the client address. Tries on
/// one login take turns, so two guesses at once cannot both be counted as the fourth.
/// </summary>
public sealed class VerifySignInCode(
    IIspDbFactory dbs, SelfServiceThrottle throttle, IDatabaseLocks locks, ISecretProtector secrets, TimeProvider clock)
{
    public const string WrongCode = "Kode salah atau sudah kedaluwarsa. Periksa kode terakhir yang kami kirim, atau minta kode baru.";

    public async Task<SignInResult> ExecuteAsync(
        string? login, string? code, bool remember, SessionChannel channel, string? device, string address, CancellationToken cancellationToken = default)
    {
        var (normalised, _) = CustomerLogin.Normalise(login);
        var given = (code ?? "").Trim();
        if (normalised is null || !SignInCode.IsWellFormed(given))
            return new SignInResult(CodeVerdict.Refused, Message: WrongCode);
        if (!await throttle.AllowsCodeCheckAsync(address, cancellationToken))
            return new SignInResult(CodeVerdict.Throttled, Message: SelfServiceThrottle.TooManyTries, RetryAfter: throttle.RetryAfter);

        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, RequestSignInCode.CodeLock(normalised), cancellationToken);
        var (sent, verdict) = await SignInCode.CheckNewestAsync(
            db.SignInCodes.Where(c => c.Login == normalised && c.Purpose == SignInCodePurpose.SignIn), secrets, given, now, cancellationToken);
        if (verdict != CodeCheck.Accepted
            || await db.Customers.AnyAsync(c => c.Id == sent!.CustomerId && c.Status == CustomerStatus.Terminated, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await throttle.RecordAsync(normalised, address, AttemptKind.WrongCode, cancellationToken);
            return new SignInResult(CodeVerdict.Refused, Message: WrongCode);
        }

        var token = SelfServiceSession.NewToken();
        // An app keeps its session like a remembered device: the phone itself is the second factor.
        var session = new SelfServiceSession(sent!.CustomerId, channel, remember || channel == SessionChannel.Api, SelfServiceSession.HashOf(token), device, address, now);
        db.SelfServiceSessions.Add(session);
        db.SelfServiceActivities.Add(new SelfServiceActivity(sent.CustomerId, SelfServiceAction.SignedIn,
            channel == SessionChannel.Api ? "Aplikasi" : remember ? "Web, perangkat diingat 30 hari" : "Web", address, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignInResult(CodeVerdict.SignedIn, token, session.ExpiresAt);
    }
}
