using IspPortal.Core.Finance.Journals;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.Periods;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IspPortal.Tests.Finance;

/// <summary>Tutup buku on real PostgreSQL: ended months only, in order, closed months refused in C# and by the database, the year-end entry, reopening by Admin.</summary>
public sealed class PeriodCloseTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    // 10 January 2027, 15:00 in Jakarta.
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private FinanceTestData _data = default!;
    private Actor _finance = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _data = await FinanceTestData.StartAsync(database, Now);
        _finance = await _data.UserAsync("keuangan", Roles.Finance);
        _admin = await _data.UserAsync("admin", Roles.Admin);
        _data.ActAs(_finance);
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task The_current_month_and_a_future_one_cannot_be_closed_an_ended_one_can_once()
    {
        var current = await CloseAsync(new DateOnly(2027, 1, 1));
        var future = await CloseAsync(new DateOnly(2027, 3, 1));
        var ended = await CloseAsync(new DateOnly(2026, 12, 1));
        var again = await CloseAsync(new DateOnly(2026, 12, 1));

        Assert.Contains("belum berakhir", current.FirstError, StringComparison.Ordinal);
        Assert.Contains("belum berakhir", future.FirstError, StringComparison.Ordinal);
        Assert.True(ended.Succeeded, ended.FirstError);
        Assert.Contains("sudah ditutup", again.FirstError, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var period = await db.LedgerPeriods.SingleAsync();
        Assert.Equal((new DateOnly(2026, 12, 1), _finance.UserId, Now), (period.Month, period.ClosedById, period.ClosedAt));
    }

    [Fact]
    public async Task Months_close_in_order_of_their_entries_and_a_month_without_entries_is_no_obstacle()
    {
        await _data.PostAsync(new DateOnly(2026, 9, 5), "1-1100", "4-9100", 100_000m);
        await _data.PostAsync(new DateOnly(2026, 11, 5), "1-1100", "4-9100", 100_000m);

        var early = await CloseAsync(new DateOnly(2026, 11, 1));
        Assert.Equal("Tutup dulu buku bulan September 2026: bulan ditutup berurutan.", early.FirstError);

        Assert.True((await CloseAsync(new DateOnly(2026, 9, 1))).Succeeded);
        Assert.True((await CloseAsync(new DateOnly(2026, 11, 1))).Succeeded);
        var periods = await _data.UseAsync(sp => FinanceTestData.Get<LedgerPeriods>(sp).ListAsync());
        Assert.Equal([(new DateOnly(2026, 11, 1), true, 1, "Pengguna keuangan"), (new DateOnly(2026, 9, 1), true, 1, "Pengguna keuangan")],
            periods.Select(p => (p.Month, p.IsClosed, p.Entries, p.ClosedBy)));
    }

    [Fact]
    public async Task A_closed_month_refuses_a_manual_entry_with_finances_message_and_the_database_refuses_a_direct_post()
    {
        Assert.True((await CloseAsync(new DateOnly(2026, 10, 1))).Succeeded);

        var manual = await _data.UseAsync(sp => FinanceTestData.Get<CreateManualJournal>(sp).ExecuteAsync(new ManualJournalInput(
            new DateOnly(2026, 10, 20), "Koreksi", [new("5-1900", 50_000m, 0m), new("1-1100", 0m, 50_000m)])));
        var direct = await Assert.ThrowsAsync<PostgresException>(() => _data.PostAsync(new DateOnly(2026, 10, 31), "1-1100", "4-9100", 10_000m));

        Assert.Equal("Buku bulan Oktober 2026 sudah ditutup; catat koreksinya di bulan yang masih terbuka.", manual.Errors[nameof(ManualJournalInput.Date)].Single());
        Assert.Equal((PostgresErrorCodes.CheckViolation, "ck_journal_entries_period_open"), (direct.SqlState, direct.ConstraintName));
        await _data.PostAsync(new DateOnly(2026, 11, 1), "1-1100", "4-9100", 10_000m);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.JournalEntries.CountAsync());
        Assert.Equal(0, await db.ManualJournals.CountAsync());
    }

    [Fact]
    public async Task Closing_december_moves_the_years_profit_into_retained_earnings_so_profit_and_loss_accounts_are_zero()
    {
        await _data.PostAsync(new DateOnly(2026, 12, 3), "1-1100", "4-1100", 1_000_000m);
        await _data.PostAsync(new DateOnly(2026, 12, 9), "5-1400", "1-1100", 300_000m);
        await _data.PostAsync(new DateOnly(2027, 1, 2), "1-1100", "4-1100", 50_000m);

        Assert.True((await CloseAsync(new DateOnly(2026, 12, 1))).Succeeded);

        var yearEnd = new DateOnly(2026, 12, 31);
        Assert.Equal(0m, await _data.BalanceAsync(yearEnd, ProfitAndLoss));
        Assert.Equal(-700_000m, await _data.BalanceAsync(yearEnd, l => l.Account!.Role == AccountRoles.RetainedEarnings));
        Assert.Equal(-50_000m, await _data.BalanceAsync(new DateOnly(2027, 1, 31), ProfitAndLoss));
        await using var db = database.CreateDbContext();
        var closing = await db.JournalEntries.SingleAsync(e => e.SourceType == JournalSource.YearClose);
        Assert.Equal(("2026:1", yearEnd, _finance.UserId), (closing.SourceKey, closing.EntryDate, closing.CreatedById));
    }

    [Fact]
    public async Task Admin_reopens_the_latest_closed_month_with_a_reason_that_is_audited_and_it_closes_again_with_a_new_year_end_entry()
    {
        await _data.PostAsync(new DateOnly(2026, 11, 3), "1-1100", "4-1100", 1_000_000m);
        await _data.PostAsync(new DateOnly(2026, 12, 9), "5-1400", "1-1100", 300_000m);
        Assert.True((await CloseAsync(new DateOnly(2026, 11, 1))).Succeeded);
        Assert.True((await CloseAsync(new DateOnly(2026, 12, 1))).Succeeded);

        var notLatest = await ReopenAsync(_admin, new DateOnly(2026, 11, 1), "Salah catat tagihan November");
        var noReason = await ReopenAsync(_admin, new DateOnly(2026, 12, 1), " ");
        var reopened = await ReopenAsync(_admin, new DateOnly(2026, 12, 1), "Tagihan listrik Desember terlewat");

        Assert.Contains("Hanya bulan terakhir", notLatest.FirstError, StringComparison.Ordinal);
        Assert.Contains("Alasan", noReason.FirstError, StringComparison.Ordinal);
        Assert.True(reopened.Succeeded, reopened.FirstError);
        Assert.Equal(0m, await _data.BalanceAsync(new DateOnly(2026, 12, 31), l => l.Account!.Role == AccountRoles.RetainedEarnings));
        Assert.Equal(-700_000m, await _data.BalanceAsync(new DateOnly(2026, 12, 31), ProfitAndLoss));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(["2026:1"], await db.JournalEntries.Where(e => e.SourceType == JournalSource.YearReopen).Select(e => e.SourceKey).ToListAsync());
            Assert.False(await db.LedgerPeriods.AnyAsync(p => p.Month == new DateOnly(2026, 12, 1)));
            var audit = await db.AuditLogs.Where(a => a.UserId == _admin.UserId).ToListAsync();
            Assert.Contains(audit, a => a.Entity == "ledger_periods" && a.Action == AuditAction.Delete);
            Assert.Contains(audit, a => a.Entity == "ledger_period_reopenings" && a.Action == AuditAction.Insert
                && a.Changes.Contains("Tagihan listrik Desember terlewat", StringComparison.Ordinal));
        }

        await _data.PostAsync(new DateOnly(2026, 12, 20), "5-1400", "1-1100", 100_000m);
        Assert.True((await CloseAsync(new DateOnly(2026, 12, 1))).Succeeded);

        Assert.Equal(0m, await _data.BalanceAsync(new DateOnly(2026, 12, 31), ProfitAndLoss));
        Assert.Equal(-600_000m, await _data.BalanceAsync(new DateOnly(2026, 12, 31), l => l.Account!.Role == AccountRoles.RetainedEarnings));
        var periods = await _data.UseAsync(sp => FinanceTestData.Get<LedgerPeriods>(sp).ListAsync());
        Assert.Equal(("Pengguna admin", "Tagihan listrik Desember terlewat"), (periods[0].LastReopenedBy, periods[0].LastReopenReason));
        await using var after = database.CreateDbContext();
        Assert.Equal(["2026:1", "2026:2"], await after.JournalEntries.Where(e => e.SourceType == JournalSource.YearClose).OrderBy(e => e.Id).Select(e => e.SourceKey).ToListAsync());
    }

    [Fact]
    public async Task Finance_cannot_reopen_a_month()
    {
        Assert.True((await CloseAsync(new DateOnly(2026, 12, 1))).Succeeded);

        var refused = await ReopenAsync(_finance, new DateOnly(2026, 12, 1), "Saya ingin mengubah sesuatu");

        Assert.Equal(Actor.NotPermitted, refused.FirstError);
        await using var db = database.CreateDbContext();
        Assert.True(await db.LedgerPeriods.AnyAsync());
    }

    private static readonly System.Linq.Expressions.Expression<Func<JournalLine, bool>> ProfitAndLoss =
        l => l.Account!.Type == AccountType.Revenue || l.Account.Type == AccountType.Expense;

    private Task<Core.Common.Outcome<LedgerPeriod>> CloseAsync(DateOnly month) =>
        _data.UseAsync(sp => FinanceTestData.Get<ClosePeriod>(sp).ExecuteAsync(month));

    private async Task<Core.Common.Outcome<LedgerPeriodReopening>> ReopenAsync(Actor actor, DateOnly month, string reason)
    {
        _data.ActAs(actor);
        try
        {
            return await _data.UseAsync(sp => FinanceTestData.Get<ReopenPeriod>(sp).ExecuteAsync(month, reason));
        }
        finally
        {
            _data.ActAs(_finance);
        }
    }
}
