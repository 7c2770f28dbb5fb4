namespace IspPortal.Core.Common;

/// <summary>
/// Named locks that serialise a check-then-act across every app instance (e.g. "keep one active
/// Admin"), held until the surrounding transaction ends.
/// </summary>
public interface IDatabaseLocks
{
    /// <summary>Waits until this transaction holds <paramref name="name"/>; released at commit or rollback.</summary>
    Task LockForTransactionAsync(IIspDb db, string name, CancellationToken cancellationToken = default);

    /// <summary>Takes <paramref name="name"/> for this transaction if nobody holds it; false at once otherwise.</summary>
    Task<bool> TryLockForTransactionAsync(IIspDb db, string name, CancellationToken cancellationToken = default);
}
