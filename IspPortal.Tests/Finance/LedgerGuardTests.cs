using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IspPortal.Tests.Finance;

/// <summary>The database itself refuses what would break the books, whoever writes: not only the C# that usually writes.</summary>
public sealed class LedgerGuardTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString);
        await using var scope = _services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IIspDbFactory>().CreateAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var map = await scope.ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);
        await scope.ServiceProvider.GetRequiredService<IJournalWriter>().PostAsync(db,
            [new JournalDraftBuilder(new DateOnly(2025, 1, 2), JournalSource.Capital, "setoran-awal", null, "Setoran modal awal").Debit(map[AccountRoles.Cash], 5_000_000m).Credit(map[AccountRoles.Capital], 5_000_000m).Build()]);
        await transaction.CommitAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task An_entry_whose_lines_do_not_balance_is_refused_even_when_written_by_hand()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("""
            WITH e AS (INSERT INTO journal_entries (entry_date, source_type, source_key, memo, created_at)
                       VALUES ('2025-01-03', 'Manual', 'by-hand', 'Tidak seimbang', now()) RETURNING id)
            INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit)
            SELECT e.id, '2025-01-03', p, (SELECT id FROM ledger_accounts WHERE role = 'cash'), CASE p WHEN 1 THEN 100 ELSE 0 END, CASE p WHEN 2 THEN 90 ELSE 0 END
            FROM e, generate_series(1, 2) p
            """));

        Assert.Equal(("23514", "ck_journal_entries_balanced"), (error.SqlState, error.ConstraintName));
        Assert.Equal(1, await CountAsync("journal_entries"));
    }

    [Fact]
    public async Task A_line_added_later_to_a_balanced_entry_is_refused()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("""
            INSERT INTO journal_lines (entry_id, entry_date, position, account_id, debit, credit)
            SELECT id, entry_date, 3, (SELECT id FROM ledger_accounts WHERE role = 'cash'), 1, 0 FROM journal_entries
            """));

        Assert.Equal("ck_journal_entries_balanced", error.ConstraintName);
        Assert.Equal(2, await CountAsync("journal_lines"));
    }

    [Theory]
    [InlineData("UPDATE journal_lines SET debit = debit + 1")]
    [InlineData("DELETE FROM journal_lines")]
    [InlineData("UPDATE journal_entries SET memo = 'diubah'")]
    [InlineData("DELETE FROM journal_entries")]
    public async Task Posted_rows_are_never_changed_or_deleted(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));

        Assert.Equal("ck_journal_immutable", error.ConstraintName);
        Assert.Equal(5_000_000m, await ScalarAsync<decimal>("SELECT sum(debit) FROM journal_lines"));
    }

    [Fact]
    public async Task An_entry_dated_in_a_closed_month_is_refused_and_the_open_month_still_posts()
    {
        await ExecuteAsync("INSERT INTO ledger_periods (month, closed_at) VALUES ('2025-01-01', now())");
        await using var scope = _services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<IJournalWriter>();

        async Task PostAsync(DateOnly date, string key)
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IIspDbFactory>().CreateAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var map = await scope.ServiceProvider.GetRequiredService<LedgerAccounts>().MapAsync(db);
            await writer.PostAsync(db, [new JournalDraftBuilder(date, JournalSource.Capital, key, null, "Setoran").Debit(map[AccountRoles.Cash], 1_000m).Credit(map[AccountRoles.Capital], 1_000m).Build()]);
            await transaction.CommitAsync();
        }

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostAsync(new DateOnly(2025, 1, 31), "januari"));
        await PostAsync(new DateOnly(2025, 2, 1), "februari");

        Assert.Equal(("ck_journal_entries_period_open", true), (error.ConstraintName, error.MessageText.Contains("2025-01", StringComparison.Ordinal)));
        Assert.Equal(2, await CountAsync("journal_entries"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
