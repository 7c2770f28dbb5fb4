using IspPortal.Core.Common;

namespace IspPortal.Core.Finance.Periods;

/// <summary>
/// Holds the journal still while a month closes or reopens: no entry commits until the surrounding
/// transaction ends, so nothing slips into a month between the checks and the closing row, and two
/// closings (or a closing and a reopening) wait for each other. Entries already being written finish first.
/// </summary>
public interface ILedgerPeriodLock
{
    Task LockJournalAsync(IIspDb db, CancellationToken cancellationToken = default);
}

/// <summary>
/// Work that belongs to a month before it closes (e.g. the month's depreciation). <see cref="ClosePeriod"/>
/// runs <see cref="PrepareAsync"/> first, outside its transaction (the work posts in its own transactions,
/// which the journal lock would block), then <see cref="CheckAsync"/> inside its transaction with the
/// journal locked, so nothing the step needs can be missing when the closing row is written.
/// </summary>
public interface IPeriodClosingStep
{
    /// <param name="month">The first day of the month closing.</param>
    /// <returns>Why the month cannot close (in Indonesian); null when the work is done.</returns>
    Task<string?> PrepareAsync(DateOnly month, CancellationToken cancellationToken = default);

    /// <returns>Why the month cannot close (in Indonesian); null when it is ready.</returns>
    Task<string?> CheckAsync(IIspDb db, DateOnly month, CancellationToken cancellationToken = default);
}
