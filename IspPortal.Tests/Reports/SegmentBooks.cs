using IspPortal.Core.Customers;
using IspPortal.Core.Finance.Budgets;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Network;
using IspPortal.Tests.Finance;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Reports;

/// <summary>
/// Books whose lines carry locations and routers, worked out by hand for the P&amp;L of a segment (<see cref="LedgerSegment"/>):
/// <code>
/// 2024-03-15 Piutang 1-1300 / Pendapatan langganan 4-1100   250,000  KRW, router KRA   (last year's March)
/// 2025-02-10 Piutang / Pendapatan langganan                 400,000  KRW, KRA           (February)
/// 2025-03-03 Piutang / Pendapatan langganan               1,000,000  KRW, KRA
/// 2025-03-04 Piutang / Pendapatan langganan                 500,000  KRW, KRB
/// 2025-03-05 Piutang / Pendapatan langganan                 700,000  BKS, BKA
/// 2025-03-10 Beban penyusutan 5-1600 / Akumulasi 1-2201     200,000  KRW, KRA (an asset standing there)
/// 2025-03-12 Beban sewa 5-1300 / Bank BCA 1-1201            300,000  untagged: shared
/// Budget: 4-1100 March 2025 5,000,000.
/// </code>
/// </summary>
public static class SegmentBooks
{
    public sealed record Ids(int Krw, int Bks, int Kr1, int Kr2, int Bk1);

    private static readonly DateTimeOffset Now = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly March1 = new(2025, 3, 1);

    public static async Task<Ids> SeedAsync(DatabaseFixture database, IServiceProvider services)
    {
        Ids ids;
        await using (var db = database.CreateDbContext())
        {
            var krw = new LocationCode { Code = "KRW", Name = "Karawang", CreatedAt = Now };
            var bks = new LocationCode { Code = "BKS", Name = "Bekasi", CreatedAt = Now };
            db.AddRange(krw, bks);
            await db.SaveChangesAsync();
            Router Router(string code, int location, int n) => new(code, "Router " + code, location, "127.0.0." + n, 8728, "api", "x", Now) { IsolationProfile = "isolir" };
            var (kr1, kr2, bk1) = (Router("KRA", krw.Id, 1), Router("KRB", krw.Id, 2), Router("BKA", bks.Id, 3));
            db.Routers.AddRange(kr1, kr2, bk1);
            await db.SaveChangesAsync();
            ids = new Ids(krw.Id, bks.Id, kr1.Id, kr2.Id, bk1.Id);
        }
        await LedgerFixtures.PostAsync(services, database.CreateDbContext, map =>
        {
            int Code(string code) => map.ByCode(code)!.Id;
            var n = 0;
            JournalDraft Entry(DateOnly day, string debit, string credit, decimal amount, LineDimensions at) =>
                new JournalDraftBuilder(day, JournalSource.Manual, $"segment-{++n}", null, "Uji segmen")
                    .Debit(Code(debit), amount, at).Credit(Code(credit), amount, at).Build();
            LineDimensions At(int location, int router) => new(null, location, router);
            return
            [
                Entry(new DateOnly(2024, 3, 15), "1-1300", "4-1100", 250_000m, At(ids.Krw, ids.Kr1)),
                Entry(new DateOnly(2025, 2, 10), "1-1300", "4-1100", 400_000m, At(ids.Krw, ids.Kr1)),
                Entry(new DateOnly(2025, 3, 3), "1-1300", "4-1100", 1_000_000m, At(ids.Krw, ids.Kr1)),
                Entry(new DateOnly(2025, 3, 4), "1-1300", "4-1100", 500_000m, At(ids.Krw, ids.Kr2)),
                Entry(new DateOnly(2025, 3, 5), "1-1300", "4-1100", 700_000m, At(ids.Bks, ids.Bk1)),
                Entry(new DateOnly(2025, 3, 10), "5-1600", "1-2201", 200_000m, At(ids.Krw, ids.Kr1)),
                Entry(new DateOnly(2025, 3, 12), "5-1300", "1-1201", 300_000m, default),
            ];
        });
        await using var books = database.CreateDbContext();
        books.Budgets.Add(new Budget(books.LedgerAccounts.Single(a => a.Code == "4-1100").Id, March1, 5_000_000m, Now));
        await books.SaveChangesAsync();
        return ids;
    }
}
