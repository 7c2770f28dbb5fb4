using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Finance.OtherIncome;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo ISP's monthly spending and other income, recorded as Finance records them (approved at
/// once, <see cref="ExpensePosting"/> and <see cref="IncomePosting"/>): the upstream bandwidth bill
/// (owed on the 5th, paid on the 25th), salaries, rent, electricity growing with the customers,
/// network repairs from petty cash; tower rent every quarter, one corporate installation and bank
/// interest. Only days up to today. The rent is a recurring expense whose past months are already
/// recorded under its keys, so the job records next month's and not the year again.
/// </summary>
public sealed class DemoExpenses(IspDbContext db, IDocumentSequences sequences, LedgerAccounts accounts, FinanceCategories categories, IJournalWriter journal, IspClock ispClock)
{
    private sealed record Planned(DateOnly Date, string Category, decimal Amount, decimal Vat, string Description, string? Vendor, bool Cash, DateOnly? PaidOn, string? Key = null);

    private const decimal Rent = 3_500_000m;
    private const string RentDescription = "Sewa kantor dan gudang";

    private sealed record PlannedIncome(DateOnly Date, string Category, decimal Amount, string Description, string Source);

    private static readonly string[] Repairs = ["Penggantian kabel drop putus", "Penggantian splitter ODP", "Penyambungan ulang FO (splicing)", "Penggantian adaptor ONT", "Perbaikan tiang miring"];

    /// <returns>Each main expense account's planned amount for a month like this one (what the budget starts from).</returns>
    public async Task<IReadOnlyDictionary<int, decimal>> SeedAsync(int bank, DateOnly start, DateOnly today, DateTimeOffset now, DemoPeople people, CancellationToken cancellationToken)
    {
        var zone = await ispClock.ZoneAsync(cancellationToken);
        var random = new Random(20250405);
        var map = await accounts.MapAsync(db, cancellationToken);
        var expenseCategories = (await categories.ExpenseAsync(db, cancellationToken)).ToDictionary(c => c.Code);
        var incomeCategories = (await categories.IncomeAsync(db, cancellationToken)).ToDictionary(c => c.Code);
        var customersByMonth = await db.Invoices.GroupBy(i => i.Period).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var rent = new RecurringExpense(expenseCategories["sewa"].Id, RentDescription, Rent, 0, bank, 1, start, null, people.Finance, now) { Vendor = "H. Sarmili" };
        db.RecurringExpenses.Add(rent);
        await db.SaveChangesAsync(cancellationToken);
        var planned = new List<Planned>();
        var incomes = new List<PlannedIncome>();
        var thisMonth = Invoice.FirstDayOf(today);
        var budget = new Dictionary<string, decimal>();
        for (var month = start; month <= thisMonth; month = month.AddMonths(1))
        {
            var customers = customersByMonth.GetValueOrDefault(month);
            var bandwidth = Math.Round((4_000_000m + 45_000m * customers) / 1000m) * 1000m;
            var salaries = month < start.AddMonths(6) ? 18_500_000m : 21_000_000m;
            var power = Math.Round((1_200_000m + 4_000m * customers) * (0.9m + (decimal)random.NextDouble() * 0.2m) / 1000m) * 1000m;
            planned.Add(new(month.AddDays(4), "bandwidth", bandwidth, Math.Round(bandwidth * 0.11m), $"Tagihan bandwidth upstream {MonthName(month)}", "PT Telkom Indonesia (Astinet)", false, month.AddDays(24)));
            planned.Add(new(month, "sewa", Rent, 0, $"{RentDescription} ({month.Month:00}/{month.Year})", rent.Vendor, false, month, RecurringExpense.KeyFor(rent.Id, month)));
            planned.Add(new(month.AddDays(19), "listrik", power, 0, $"Listrik kantor dan POP {MonthName(month)}", "PLN", false, month.AddDays(19)));
            planned.Add(new(month.AddDays(24), "gaji", salaries, 0, $"Gaji karyawan {MonthName(month)}", null, false, month.AddDays(24)));
            for (var i = 0; i < 1 + random.Next(2); i++)
                planned.Add(new(month.AddDays(random.Next(2, 27)), "perawatan", Math.Round((400_000m + (decimal)random.NextDouble() * 1_200_000m) / 1000m) * 1000m, 0,
                    Repairs[random.Next(Repairs.Length)], null, true, null));
            if (month.Month % 3 == 1)
                incomes.Add(new(month.AddDays(9), "sewa-menara", 7_500_000m, $"Sewa menara Kotabaru triwulan {MonthName(month)}", "PT Protelindo"));
            incomes.Add(new(month.AddDays(DateTime.DaysInMonth(month.Year, month.Month) - 1), "bunga", Math.Round((90_000m + (decimal)random.NextDouble() * 60_000m) / 100m) * 100m, $"Bunga rekening {MonthName(month)}", "Bank BCA"));
            if (month == start.AddMonths(7))
                incomes.Add(new(month.AddDays(14), "instalasi-korporat", 12_500_000m, "Instalasi jaringan kantor PT Sinar Karawang", "PT Sinar Karawang"));
            if (month == thisMonth)
                (budget["bandwidth"], budget["gaji"], budget["sewa"], budget["listrik"], budget["perawatan"]) = (bandwidth, salaries, Rent, power, 2_400_000m);
        }

        var numbers = new DemoNumbers();
        var expenses = new List<(Expense Expense, CategoryView Category)>();
        foreach (var (item, n) in planned.Where(p => p.Date <= today).OrderBy(p => p.Date).Select((p, n) => (p, n)))
        {
            var category = expenseCategories[item.Category];
            var owed = item.PaidOn is { } paid && paid != item.Date;
            var recordedAt = DemoPaymentBehaviour.At(item.Date, 10, zone);
            var expense = new Expense(numbers.Next(ExpenseNumbers.Kind, Expense.NumberFormat, Invoice.FirstDayOf(item.Date)), item.Date, category.Id, item.Description,
                item.Amount, item.Vat, owed ? null : item.Cash ? map[AccountRoles.Cash] : bank, item.Key ?? $"demo-expense-{n}", people.Finance, recordedAt < now ? recordedAt : now)
            {
                Vendor = item.Vendor,
            };
            expense.Approve(people.Finance, expense.CreatedAt);
            db.Expenses.Add(expense);
            expenses.Add((expense, category));
        }
        var income = new List<(Income Income, CategoryView Category)>();
        foreach (var (item, n) in incomes.Where(p => p.Date <= today).OrderBy(p => p.Date).Select((p, n) => (p, n)))
        {
            var recordedAt = DemoPaymentBehaviour.At(item.Date, 11, zone);
            var entry = new Income(numbers.Next(ExpenseNumbers.IncomeKind, Income.NumberFormat, Invoice.FirstDayOf(item.Date)), item.Date, incomeCategories[item.Category].Id,
                item.Source, item.Description, item.Amount, bank, $"demo-income-{n}", people.Finance, recordedAt < now ? recordedAt : now);
            db.Income.Add(entry);
            income.Add((entry, incomeCategories[item.Category]));
        }
        await db.SaveChangesAsync(cancellationToken);

        var drafts = expenses.Select(e => ExpensePosting.Entry(e.Expense, e.Category, map, people.Finance))
            .Concat(income.Select(i => IncomePosting.Entry(i.Income, i.Category, people.Finance)))
            .ToList();
        // An owed bill is paid on its day, once that day has come (this month's may still be owed).
        foreach (var (expense, _) in expenses.Where(e => e.Expense.OnCredit))
        {
            var paidOn = planned.First(p => p.Description == expense.Description && p.Date == expense.ExpenseDate).PaidOn!.Value;
            if (paidOn > today)
                continue;
            expense.Pay(bank, paidOn);
            drafts.Add(ExpensePosting.Payment(expense, map, people.Finance));
        }
        await db.SaveChangesAsync(cancellationToken);
        await journal.PostAsync(db, drafts, cancellationToken);
        await db.RecurringExpenses.Where(r => r.Id == rent.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.LastCreatedMonth, thisMonth), cancellationToken);
        await numbers.ReserveAsync(db, sequences, cancellationToken);
        return budget.ToDictionary(b => expenseCategories[b.Key].AccountId, b => b.Value);
    }

    private static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", Rupiah.Indonesia);
}
