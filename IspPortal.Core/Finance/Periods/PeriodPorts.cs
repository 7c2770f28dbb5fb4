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
/// Work that belongs to a month before it closes (e.g. the month's depreciation), run by
/// <see cref="ClosePeriod"/> inside its transaction, after the journal is locked and before the
/// year-end entry and the closing row. A step posts through <c>IJournalWriter</c> in that transaction.
/// </summary>
public interface IPeriodClosingStep
{
    /// <param name="month">The first day of the month closing.</param>
    Task RunAsync(IIspDb db, DateOnly month, CancellationToken cancellationToken = default);
}
