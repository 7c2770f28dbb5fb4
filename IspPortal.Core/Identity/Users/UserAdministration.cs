using IspPortal.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Core.Identity.Users;

/// <summary>
/// Runs one user-administration step with a <see cref="UserManager{TUser}"/> of its own. In Blazor
/// Server the scoped UserManager shares one DbContext for the whole circuit, so a user loaded once
/// stays tracked and a later change would save stale values (or fail on the concurrency stamp);
/// a scope per step reads fresh rows. The caller's actor is carried into the new scope.
/// Each step is one transaction (a refused step leaves nothing behind) and holds a lock shared by
/// all user administration, so "keep one active Admin" cannot be broken by two admins at once.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, ICurrentUser currentUser, IDatabaseLocks locks, IDatabaseErrors databaseErrors)
{
    public const string UserNotFound = "Pengguna tidak ditemukan; mungkin sudah dihapus.";
    public const string ChangedMeanwhile = "Data pengguna baru saja diubah orang lain; muat ulang lalu coba lagi.";
    private const string LockName = "user-administration";

    public async Task<Outcome<T>> RunAsync<T>(Func<UserManager<PortalUser>, Actor, Task<Outcome<T>>> step, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CarriedActor>().Actor = actor;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<IIspDb>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, LockName, cancellationToken);
        try
        {
            var outcome = await step(users, actor);
            if (outcome.Succeeded)
                await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException exception) when (databaseErrors.UniqueViolation(exception) is not null)
        {
            return Outcome.Refused<T>("", ChangedMeanwhile);
        }
    }

    /// <summary>Loads the user by id first; refuses with a clear message when it no longer exists.</summary>
    public Task<Outcome<T>> RunForUserAsync<T>(
        Guid userId,
        Func<UserManager<PortalUser>, PortalUser, Actor, Task<Outcome<T>>> step,
        CancellationToken cancellationToken = default) =>
        RunAsync(async (users, actor) =>
            await users.FindByIdAsync(userId.ToString()) is { } user
                ? await step(users, user, actor)
                : Outcome.Refused<T>("", UserNotFound),
            cancellationToken);

    /// <summary>
    /// Identity's messages (already in Indonesian through the error describer) keyed by the form
    /// field they concern, so the dialog shows each one under its field.
    /// </summary>
    public static FieldErrors ToFieldErrors(IdentityResult result)
    {
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
            errors.Add(FieldOf(error.Code), error.Description);
        return errors;
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? nameof(NewUser.Password)
        : code.Contains("UserName", StringComparison.Ordinal) ? nameof(NewUser.UserName)
        : code.Contains("Email", StringComparison.Ordinal) ? nameof(NewUser.Email)
        : code.Contains("Role", StringComparison.Ordinal) ? nameof(NewUser.Roles)
        : "";
}
