using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Common;

/// <summary>
/// Saves and turns the database's refusals into field messages: uniqueness is the constraint's
/// job, so two agents saving the same code at once get one success and one clear message.
/// </summary>
public sealed class SaveGuard(IDatabaseErrors errors)
{
    public async Task<Outcome<T>> SaveAsync<T>(
        IIspDb db,
        T value,
        IReadOnlyDictionary<string, (string Field, string Message)> uniqueMessages,
        string? inUseMessage = null,
        CancellationToken cancellationToken = default)
    {
        if (SafeTextChecks.FirstUnsafeProperty(db.ChangeTracker) is { } unsafeField)
            return Outcome.Refused<T>(unsafeField, SafeText.RefusedMessage);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done<T>(value);
        }
        catch (DbUpdateException exception)
        {
            var unique = errors.UniqueViolation(exception);
            if (unique is not null && uniqueMessages.TryGetValue(unique, out var refusal))
                return Outcome.Refused<T>(refusal.Field, refusal.Message);
            if (inUseMessage is not null && errors.ForeignKeyViolation(exception) is not null)
                return Outcome.Refused<T>("", inUseMessage);
            throw;
        }
    }
}
