using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Tests.Finance;

namespace IspPortal.Tests.Reports;

/// <summary>
/// Books whose statements are worked out by hand (every figure in the tests follows from this list):
/// <code>
/// 2024-03-20 Bank Mandiri 1-1202 / Pendapatan langganan 4-1100        400,000   (last year's March)
/// 2025-01-10 Bank BCA 1-1201 / Modal disetor 3-1100                 100,000,000
/// 2025-01-15 Perangkat jaringan 1-2200 / Bank BCA                    36,000,000
/// 2025-02-10 Beban sewa 5-1300 / Bank BCA                             2,000,000
/// 2025-03-01 Piutang 1-1300 11,100,000 / Pendapatan langganan 10,000,000, PPN keluaran 2-1200 1,100,000
/// 2025-03-05 Kliring 1-1400 9,930,000, Biaya PG 5-1700 70,000 / Titipan pelanggan 2-1300 10,000,000
/// 2025-03-05 Titipan pelanggan / Piutang                             10,000,000
/// 2025-03-10 Beban bandwidth 5-1100 / Utang usaha 2-1100              3,000,000
/// 2025-03-20 Bank BCA / Pendapatan bunga bank 4-9400                     50,000
/// 2025-03-25 Utang usaha / Bank BCA                                   2,000,000
/// 2025-03-28 Bank BCA / Kliring (the gateway pays out)                9,930,000
/// 2025-03-30 Prive 3-3100 / Bank BCA                                    500,000
/// 2025-03-31 Beban penyusutan 5-1600 / Akumulasi penyusutan 1-2201    1,000,000
/// 2025-03-31 Beban administrasi bank 5-9200 / Bank BCA                   10,000
/// Budgets: 4-1100 March 2025 12,000,000; 5-1100 March 2025 2,500,000, April 2025 3,000,000.
/// </code>
/// </summary>
public static class StatementBooksFixture
{
    public static async Task PostAsync(IServiceProvider services, Func<IspDbContext> createDb)
    {
        await LedgerFixtures.PostAsync(services, createDb, map =>
        {
            int Code(string code) => map.ByCode(code)!.Id;
            var n = 0;
            JournalDraftBuilder Entry(int year, int month, int day) => new(new DateOnly(year, month, day), JournalSource.Manual, $"statements-{++n}", null, "Uji laporan");
            return
            [
                Entry(2024, 3, 20).Debit(Code("1-1202"), 400_000m).Credit(Code("4-1100"), 400_000m).Build(),
                Entry(2025, 1, 10).Debit(Code("1-1201"), 100_000_000m).Credit(Code("3-1100"), 100_000_000m).Build(),
                Entry(2025, 1, 15).Debit(Code("1-2200"), 36_000_000m).Credit(Code("1-1201"), 36_000_000m).Build(),
                Entry(2025, 2, 10).Debit(Code("5-1300"), 2_000_000m).Credit(Code("1-1201"), 2_000_000m).Build(),
                Entry(2025, 3, 1).Debit(Code("1-1300"), 11_100_000m).Credit(Code("4-1100"), 10_000_000m).Credit(Code("2-1200"), 1_100_000m).Build(),
                Entry(2025, 3, 5).Debit(Code("1-1400"), 9_930_000m).Debit(Code("5-1700"), 70_000m).Credit(Code("2-1300"), 10_000_000m).Build(),
                Entry(2025, 3, 5).Debit(Code("2-1300"), 10_000_000m).Credit(Code("1-1300"), 10_000_000m).Build(),
                Entry(2025, 3, 10).Debit(Code("5-1100"), 3_000_000m).Credit(Code("2-1100"), 3_000_000m).Build(),
                Entry(2025, 3, 20).Debit(Code("1-1201"), 50_000m).Credit(Code("4-9400"), 50_000m).Build(),
                Entry(2025, 3, 25).Debit(Code("2-1100"), 2_000_000m).Credit(Code("1-1201"), 2_000_000m).Build(),
                Entry(2025, 3, 28).Debit(Code("1-1201"), 9_930_000m).Credit(Code("1-1400"), 9_930_000m).Build(),
                Entry(2025, 3, 30).Debit(Code("3-3100"), 500_000m).Credit(Code("1-1201"), 500_000m).Build(),
                Entry(2025, 3, 31).Debit(Code("5-1600"), 1_000_000m).Credit(Code("1-2201"), 1_000_000m).Build(),
                Entry(2025, 3, 31).Debit(Code("5-9200"), 10_000m).Credit(Code("1-1201"), 10_000m).Build(),
            ];
        });
        await using var db = createDb();
        if (db.Budgets.Any())
            return;
        var accounts = db.LedgerAccounts.ToDictionary(a => a.Code, a => a.Id);
        var at = DateTimeOffset.UnixEpoch;
        db.Budgets.AddRange(
            new Budget(accounts["4-1100"], new DateOnly(2025, 3, 1), 12_000_000m, at),
            new Budget(accounts["5-1100"], new DateOnly(2025, 3, 1), 2_500_000m, at),
            new Budget(accounts["5-1100"], new DateOnly(2025, 4, 1), 3_000_000m, at));
        await db.SaveChangesAsync();
    }
}
