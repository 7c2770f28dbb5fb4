using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IspPortal.Core.Identity.SignIn;

/// <summary>
/// Limits sign-in attempts before any password is checked, counting failures in PostgreSQL so every
/// instance of the portal sees the same counts. Names are counted whether or not such a user exists,
/// so the answer never tells real names from unknown ones. Identity's account lockout is not used for
/// passwords: it let anyone lock a real user out from anywhere. Here a flood refuses the flooding
/// address (per name and overall) and, past a higher bar, the name everywhere except from addresses
/// the user signed in from recently, so the real user keeps signing in from their usual places.
/// Two attempts at the same moment may both pass the last free slot; the limit is a bar, not a lock.
/// </summary>
public sealed class SignInThrottle(IIspDbFactory dbs, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    public const string Refused = "Terlalu banyak percobaan masuk. Coba lagi dalam beberapa menit.";

    private SignInThrottleOptions Limits => options.Value;

    public async Task<bool> AllowsAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var (name, from) = (Normalize(userName), Trim(address));
        var since = clock.GetUtcNow() - Limits.Window;
        await using var db = await dbs.CreateAsync(cancellationToken);
        var failures = db.SignInAttempts.AsNoTracking().Where(a => !a.Succeeded && a.AttemptedAt > since);

        if (await failures.CountAsync(a => a.Address == from, cancellationToken) >= Limits.MaxAttemptsPerAddress)
            return false;
        if (await failures.CountAsync(a => a.Address == from && a.UserName == name, cancellationToken) >= Limits.MaxAttemptsPerUser)
            return false;
        if (await failures.CountAsync(a => a.UserName == name, cancellationToken) < Limits.MaxAttemptsPerUserEverywhere)
            return true;

        var knownSince = clock.GetUtcNow() - Limits.KnownAddressFor;
        return await db.SignInAttempts.AnyAsync(
            a => a.Succeeded && a.UserName == name && a.Address == from && a.AttemptedAt > knownSince, cancellationToken);
    }

    public async Task RecordAsync(string userName, string address, bool succeeded, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        db.SignInAttempts.Add(new SignInAttempt { UserName = Normalize(userName), Address = Trim(address), Succeeded = succeeded, AttemptedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes the attempts no limit looks at any more (a job, so a flood of sign-ins does not also delete on every try).</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> ForgetOldAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbs.CreateAsync(cancellationToken);
        var failuresBefore = now - Limits.Window;
        var successesBefore = now - Limits.KnownAddressFor;
        return await db.SignInAttempts
            .Where(a => (!a.Succeeded && a.AttemptedAt < failuresBefore) || (a.Succeeded && a.AttemptedAt < successesBefore))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static string Normalize(string userName)
    {
        var name = userName.Trim().ToUpperInvariant();
        return name.Length <= SignInAttempt.UserNameMaxLength ? name : name[..SignInAttempt.UserNameMaxLength];
    }

    private static string Trim(string address) =>
        address.Length <= SignInAttempt.AddressMaxLength ? address : address[..SignInAttempt.AddressMaxLength];
}
