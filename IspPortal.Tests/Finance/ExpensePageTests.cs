using Bunit;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Finance.Pages;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Finance;

/// <summary>The Pengeluaran page over the real use cases: record with a receipt, staff submit and Finance decide, pay what is owed, refuse bad input.</summary>
public sealed class ExpensePageTests(DatabaseFixture database) : FinancePageTest(database), IClassFixture<DatabaseFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Finance_records_an_expense_with_a_pdf_receipt_and_it_posts_at_once()
    {
        await StartAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderLoaded();

        page.Find("[data-testid=record-expense]").Click();
        host.WaitForElement("[data-testid=expense-save]:not([disabled])", Wait);
        host.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Pdf, "nota-pln.pdf", contentType: "application/pdf"));
        host.WaitForAssertion(() => Assert.Equal("nota-pln.pdf", host.Find("[data-testid=expense-receipt-name]").TextContent.Trim()), Wait);
        host.Find("input[data-testid=expense-description]").Change("Listrik kantor Maret");
        host.Find("input[data-testid=expense-vendor]").Change("PLN");
        host.Find("input[data-testid=expense-amount]").Change("1250000");
        host.Find("[data-testid=expense-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("EXP/2026/03/0001", page.Find("[data-testid=expenses]").TextContent, StringComparison.Ordinal), Wait);
        await using var db = Database.CreateDbContext();
        var expense = await db.Expenses.SingleAsync();
        Assert.Equal((ExpenseStatus.Approved, 1_250_000m, "PLN", Today), (expense.Status, expense.Amount, expense.Vendor, expense.ExpenseDate));
        Assert.EndsWith(".pdf", expense.ReceiptPath, StringComparison.Ordinal);
        Assert.Equal(1, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense));
        Assert.Equal($"finance/expenses/{expense.Id}/receipt", page.Find("[data-testid=expense-receipt]").GetAttribute("href"));
        Assert.Equal("Rp 1.250.000", page.Find("[data-testid=total-amount]").TextContent.Trim());
    }

    [Fact]
    public async Task Staff_submits_and_sees_only_their_own_then_finance_approves_and_it_posts()
    {
        await StartAsync();
        var staff = await UserAsync("staf1", Roles.Staff);
        var other = await UserAsync("staf2", Roles.Staff);
        var finance = await UserAsync("keu1", Roles.Finance);
        ActAs(other);
        await RecordAsync(new ExpenseInput(Today, "transportasi", 150_000m, "Bensin motor staf lain", MoneyAccounts.Cash, Guid.NewGuid().ToString()));

        SignIn(staff, Roles.Staff);
        var host = RenderDialogHost();
        var page = RenderLoaded();
        Assert.Empty(page.FindAll("[data-testid=expense-number]"));
        page.Find("[data-testid=record-expense]").Click();
        host.WaitForElement("[data-testid=expense-save]:not([disabled])", Wait);
        host.Find("input[data-testid=expense-description]").Change("Kabel drop 100 m");
        host.Find("input[data-testid=expense-amount]").Change("750000");
        host.Find("[data-testid=expense-save]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=expense-number]")), Wait);
        Assert.Equal("Menunggu persetujuan", page.Find("[data-testid=expense-status]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=expense-approve]"));
        await using (var db = Database.CreateDbContext())
            Assert.Equal(0, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense));

        SignIn(finance, Roles.Finance);
        var review = RenderLoaded();
        Assert.Equal(2, review.FindAll("[data-testid=expense-number]").Count);
        var mine = review.FindAll("tr").Single(r => r.TextContent.Contains("Kabel drop", StringComparison.Ordinal));
        mine.QuerySelector("[data-testid=expense-approve]")!.Click();

        review.WaitForAssertion(() => Assert.DoesNotContain(review.FindAll("tr"), r => r.TextContent.Contains("Kabel drop", StringComparison.Ordinal) && r.QuerySelector("[data-testid=expense-approve]") is not null), Wait);
        await using var check = Database.CreateDbContext();
        var approved = await check.Expenses.SingleAsync(e => e.Description == "Kabel drop 100 m");
        Assert.Equal((ExpenseStatus.Approved, staff.UserId, finance.UserId), (approved.Status, approved.RecordedById, approved.ApprovedById));
        var key = approved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await check.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense && e.SourceKey == key));
    }

    [Fact]
    public async Task A_manager_reads_every_expense_and_neither_records_nor_decides()
    {
        await StartAsync();
        ActAs(await UserAsync("staf1", Roles.Staff));
        await RecordAsync(new ExpenseInput(Today, "transportasi", 150_000m, "Bensin motor teknisi", MoneyAccounts.Cash, Guid.NewGuid().ToString()));

        SignIn(await UserAsync("mgr1", Roles.Manager), Roles.Manager);
        var page = RenderLoaded();

        Assert.Contains("Bensin motor teknisi", page.Find("[data-testid=expenses]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=expense-approve]"));
        Assert.Empty(page.FindAll("[data-testid=record-expense]"));
    }

    [Fact]
    public async Task Finance_rejects_a_submission_with_a_reason_and_nothing_posts()
    {
        await StartAsync();
        var staff = await UserAsync("staf1", Roles.Staff);
        ActAs(staff);
        await RecordAsync(new ExpenseInput(Today, "lain-lain", 90_000m, "Makan siang", MoneyAccounts.Cash, Guid.NewGuid().ToString()));
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderLoaded();

        page.Find("[data-testid=expense-reject]").Click();
        host.WaitForElement("[data-testid=reject-expense-dialog]", Wait);
        host.Find("[data-testid=expense-reject-confirm]").Click();
        host.WaitForAssertion(() => Assert.Contains("Alasan penolakan wajib diisi", host.Markup, StringComparison.Ordinal), Wait);
        host.Find("textarea[data-testid=expense-reject-reason]").Change("Bukan biaya kantor");
        host.Find("[data-testid=expense-reject-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("Bukan biaya kantor", page.Find("[data-testid=expense-reason]").TextContent.Trim()), Wait);
        Assert.Equal("Ditolak", page.Find("[data-testid=expense-status]").TextContent.Trim());
        await using var db = Database.CreateDbContext();
        var rejected = await db.Expenses.SingleAsync();
        Assert.Equal((ExpenseStatus.Rejected, "Bukan biaya kantor"), (rejected.Status, rejected.RejectionReason));
        Assert.Equal(0, await db.JournalEntries.CountAsync());
    }

    [Fact]
    public async Task Finance_pays_an_owed_expense_from_cash()
    {
        await StartAsync();
        var finance = await UserAsync("keu1", Roles.Finance);
        ActAs(finance);
        var owed = await RecordAsync(new ExpenseInput(Today.AddDays(-10), "sewa", 5_000_000m, "Sewa tower Maret", MoneyAccounts.Payable, Guid.NewGuid().ToString(), Vat: 550_000m));
        SignIn(finance, Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderLoaded();
        Assert.Equal("Rp 5.550.000", page.Find("[data-testid=total-outstanding]").TextContent.Trim());

        page.Find("[data-testid=expense-pay]").Click();
        host.WaitForElement("[data-testid=expense-pay-confirm]:not([disabled])", Wait);
        host.Find("[data-testid=expense-pay-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("Rp 0", page.Find("[data-testid=total-outstanding]").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("[data-testid=expense-pay]"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(Today, (await db.Expenses.SingleAsync()).PaidOn);
        var key = owed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.ExpensePayment && l.Entry.SourceKey == key)
            .OrderBy(l => l.Position).Select(l => new { l.Account!.Code, l.Debit, l.Credit }).ToListAsync();
        Assert.Equal([("2-1100", 5_550_000m, 0m), ("1-1100", 0m, 5_550_000m)], lines.Select(l => (l.Code, l.Debit, l.Credit)).ToList());
    }

    [Fact]
    public async Task Bad_input_shows_indonesian_messages_on_the_fields_and_writes_nothing()
    {
        await StartAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderLoaded();

        page.Find("[data-testid=record-expense]").Click();
        host.WaitForElement("[data-testid=expense-save]:not([disabled])", Wait);
        host.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("bukan gambar", "nota.exe"));
        host.WaitForAssertion(() => Assert.Contains("Bukti harus foto (JPEG, PNG, WebP) atau PDF.", host.Find("[data-testid=expense-receipt-error]").TextContent, StringComparison.Ordinal), Wait);
        host.Find("[data-testid=expense-save]").Click();

        host.WaitForAssertion(() => Assert.Contains("Keterangan wajib diisi.", host.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("Jumlah harus lebih dari 0.", host.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(host.FindAll("[data-testid=record-expense-dialog]"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Expenses.CountAsync());
        Assert.Equal(0, await db.JournalEntries.CountAsync());
    }

    /// <summary>The page once its first list has loaded.</summary>
    private IRenderedComponent<Expenses> RenderLoaded()
    {
        var page = Render<Expenses>();
        page.WaitForElement("[data-testid=expense-totals]", Wait);
        return page;
    }

    private async Task<RecordedExpense> RecordAsync(ExpenseInput input)
    {
        var outcome = await UseAsync(sp => sp.GetRequiredService<RecordExpense>().ExecuteAsync(input));
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value!;
    }
}
