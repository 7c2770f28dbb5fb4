namespace IspPortal.Core.Finance.Ledger;

/// <summary>One side of an entry to post; exactly one of <paramref name="Debit"/> and <paramref name="Credit"/> is positive.</summary>
public sealed record JournalDraftLine(int AccountId, decimal Debit, decimal Credit, int? CustomerId = null, int? LocationCodeId = null, int? RouterId = null, string? Memo = null);

/// <summary>Where a line's money belongs, for reports per customer, location and router.</summary>
public readonly record struct LineDimensions(int? CustomerId = null, int? LocationCodeId = null, int? RouterId = null);

/// <summary>An entry to post (<see cref="IJournalWriter"/>): balanced, at least two lines, built with <see cref="JournalDraftBuilder"/>.</summary>
public sealed record JournalDraft(DateOnly Date, JournalSource Source, string SourceKey, string? SourceNumber, string Memo, IReadOnlyList<JournalDraftLine> Lines, Guid? CreatedById = null)
{
    public decimal TotalDebit => Lines.Sum(l => l.Debit);

    public decimal TotalCredit => Lines.Sum(l => l.Credit);
}

/// <summary>
/// Collects an entry's lines, merging lines of one account and dimensions, dropping zeros and
/// turning a negative amount into the other side, then refuses to build an unbalanced entry.
/// </summary>
public sealed class JournalDraftBuilder(DateOnly date, JournalSource source, string sourceKey, string? sourceNumber, string memo, Guid? createdById = null)
{
    private readonly List<(int Account, LineDimensions Dimensions, string? Memo, decimal Net)> _lines = [];

    public JournalDraftBuilder Debit(int accountId, decimal amount, LineDimensions dimensions = default, string? memo = null) =>
        Add(accountId, amount, dimensions, memo);

    public JournalDraftBuilder Credit(int accountId, decimal amount, LineDimensions dimensions = default, string? memo = null) =>
        Add(accountId, -amount, dimensions, memo);

    private JournalDraftBuilder Add(int accountId, decimal net, LineDimensions dimensions, string? memo)
    {
        if (net == 0)
            return this;
        var at = _lines.FindIndex(l => l.Account == accountId && l.Dimensions == dimensions && l.Memo == memo);
        if (at >= 0)
            _lines[at] = _lines[at] with { Net = _lines[at].Net + net };
        else
            _lines.Add((accountId, dimensions, memo, net));
        return this;
    }

    public JournalDraft Build()
    {
        var lines = _lines.Where(l => l.Net != 0)
            .Select(l => new JournalDraftLine(l.Account, Math.Max(l.Net, 0), Math.Max(-l.Net, 0), l.Dimensions.CustomerId, l.Dimensions.LocationCodeId, l.Dimensions.RouterId, l.Memo))
            .ToList();
        var debit = lines.Sum(l => l.Debit);
        var credit = lines.Sum(l => l.Credit);
        if (debit != credit)
            throw new InvalidOperationException($"Journal entry for {source} {sourceKey} does not balance: debit {debit}, credit {credit}.");
        if (lines.Count < 2)
            throw new InvalidOperationException($"Journal entry for {source} {sourceKey} needs at least two lines.");
        if (lines.Any(l => decimal.Round(l.Debit, 2) != l.Debit || decimal.Round(l.Credit, 2) != l.Credit))
            throw new InvalidOperationException($"Journal entry for {source} {sourceKey} has amounts below one sen.");
        return new JournalDraft(date, source, sourceKey, sourceNumber, memo, lines, createdById);
    }

    /// <summary>False when every amount netted to zero (nothing to post, e.g. a zero-rupiah invoice).</summary>
    public bool HasLines => _lines.Any(l => l.Net != 0);
}

/// <summary>
/// Writes entries set-based in the caller's open transaction, each at most once: an entry whose
/// source already posted is skipped (a retry, a second instance), never posted twice.
/// </summary>
public interface IJournalWriter
{
    /// <returns>The ids of the entries this call posted, by source key; a source that had posted before is absent.</returns>
    Task<IReadOnlyDictionary<(JournalSource Source, string Key), long>> PostAsync(Common.IIspDb db, IReadOnlyList<JournalDraft> drafts, CancellationToken cancellationToken = default);
}
