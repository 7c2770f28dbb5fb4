using System.ComponentModel;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Expenses;
using IspPortal.Core.Finance.OtherIncome;
using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Finance.Endpoints;

/// <summary><c>/api/finance/expense(s)</c> and <c>/api/finance/income</c>: an API key with finance.write posts at once.</summary>
public static class ExpenseEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapExpenseEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/finance/expense-categories", async (FinanceCategories categories, CancellationToken cancellationToken) =>
                TypedResults.Ok((await categories.ExpenseAsync(cancellationToken)).Where(c => c.AccountActive).Select(c => new CategoryDto(c.Code, c.Name, c.AccountCode)).ToList()))
            .RequireAuthorization(Permissions.FinanceRead)
            .WithTags("Finance")
            .WithSummary("Expense categories and the ledger account each posts to");

        api.MapGet("/finance/income-categories", async (FinanceCategories categories, CancellationToken cancellationToken) =>
                TypedResults.Ok((await categories.IncomeAsync(cancellationToken)).Where(c => c.AccountActive).Select(c => new CategoryDto(c.Code, c.Name, c.AccountCode)).ToList()))
            .RequireAuthorization(Permissions.FinanceRead)
            .WithTags("Finance")
            .WithSummary("Other income categories and the ledger account each posts to");

        api.MapPost("/finance/expenses", async (HttpRequest http, ExpenseRequest request, RecordExpense record, CancellationToken cancellationToken) =>
            {
                var input = new ExpenseInput(request.Date ?? default, request.CategoryCode ?? "", request.Amount ?? 0, request.Description ?? "",
                    request.PaidFrom ?? "", KeyOf(http), request.Vat ?? 0, request.Vendor, request.Notes, null, request.Reference);
                if (request.Date is null)
                    return Core.Common.Outcome.Refused<RecordedExpense>("date", "Tanggal wajib diisi (YYYY-MM-DD).").ToValidationProblem();
                var outcome = await record.ExecuteAsync(input, cancellationToken);
                return outcome.Value is { } recorded
                    ? Results.Created($"/api/finance/expenses/{recorded.Id}", new RecordedExpenseDto(recorded.Id, recorded.Number, recorded.Status.ToString(), recorded.Amount, recorded.Vat))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.FinanceWrite)
            .WithTags("Finance")
            .Produces<RecordedExpenseDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Record an expense, approved and posted at once. The Idempotency-Key header (recommended) makes a retry answer the same 201 and body without a second expense.");

        api.MapGet("/finance/expenses", async (ExpenseList list, DateOnly? from, DateOnly? to, string? category, ExpenseStatus? status, int? page, int? pageSize, CancellationToken cancellationToken) =>
            {
                var size = Math.Clamp(pageSize ?? 25, 1, 500);
                var outcome = await list.PageAsync(new ExpenseFilter(from, to, category, status), page ?? 0, size, cancellationToken);
                if (outcome.Value is not { } result)
                    return outcome.ToValidationProblem();
                return Results.Ok(new ExpensePageDto(
                    [.. result.Items.Select(e => new ExpenseDto(e.Id, e.Number, e.Date, e.CategoryCode, e.Vendor, e.Description, e.Amount, e.Vat, e.Total,
                        e.OnCredit ? MoneyAccounts.Payable : e.PaidFrom, e.PaidFrom, e.PaidOn, e.Status.ToString(), e.RejectionReason))],
                    result.Total, page ?? 0, size, result.Amount, result.Vat, result.Outstanding, result.Submitted));
            })
            .RequireAuthorization(Permissions.FinanceRead)
            .WithTags("Finance")
            .WithSummary("Expenses newest first; totals (approved net amount, VAT, still owed) cover every page");

        api.MapPost("/finance/income", async (HttpRequest http, IncomeRequest request, RecordIncome record, CancellationToken cancellationToken) =>
            {
                if (request.Date is null)
                    return Core.Common.Outcome.Refused<RecordedIncome>("date", "Tanggal wajib diisi (YYYY-MM-DD).").ToValidationProblem();
                var outcome = await record.ExecuteAsync(new IncomeInput(request.Date.Value, request.CategoryCode ?? "", request.Amount ?? 0, request.Description ?? "",
                    request.ReceivedIn ?? "", request.Source ?? "", KeyOf(http), request.Reference), cancellationToken);
                return outcome.Value is { } recorded
                    ? Results.Created($"/api/finance/income/{recorded.Id}", new RecordedIncomeDto(recorded.Id, recorded.Number, recorded.Amount))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.FinanceWrite)
            .WithTags("Finance")
            .Produces<RecordedIncomeDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Record other income (tower rent, corporate installation, interest), posted at once; Idempotency-Key as for expenses");

        api.MapGet("/finance/income", async (IncomeList list, DateOnly? from, DateOnly? to, string? category, int? page, int? pageSize, CancellationToken cancellationToken) =>
            {
                var size = Math.Clamp(pageSize ?? 25, 1, 500);
                var outcome = await list.PageAsync(new IncomeFilter(from, to, category), page ?? 0, size, cancellationToken);
                return outcome.Value is { } result
                    ? Results.Ok(new IncomePageDto([.. result.Items.Select(i => new IncomeDto(i.Id, i.Number, i.Date, i.CategoryCode, i.Source, i.Description, i.Amount, i.ReceivedIn))],
                        result.Total, page ?? 0, size, result.Amount))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.FinanceRead)
            .WithTags("Finance")
            .WithSummary("Other income newest first; the amount total covers every page");
        return api;
    }

    /// <summary>Without the header every request is a new document (a generated key).</summary>
    private static string KeyOf(HttpRequest http) =>
        http.Headers[IdempotencyHeader].ToString().Trim() is { Length: > 0 } key ? key : Guid.NewGuid().ToString();
}

public sealed record CategoryDto(string Code, string Name, string AccountCode);

/// <param name="PaidFrom"><c>cash</c>, a bank account's ledger code, or <c>payable</c> (owed to the vendor).</param>
/// <param name="Amount">Net, without VAT.</param>
public sealed record ExpenseRequest(
    DateOnly? Date,
    [property: DefaultValue("bandwidth")] string? CategoryCode,
    [property: DefaultValue(typeof(decimal), "10000000")] decimal? Amount,
    [property: DefaultValue("Upstream Desember")] string? Description,
    [property: DefaultValue("cash")] string? PaidFrom,
    string? Vendor,
    decimal? Vat,
    string? Notes,
    string? Reference);

public sealed record RecordedExpenseDto(int Id, string Number, string Status, decimal Amount, decimal Vat);

public sealed record ExpenseDto(
    int Id, string Number, DateOnly Date, string CategoryCode, string? Vendor, string Description, decimal Amount, decimal Vat, decimal Total,
    string? PaidFrom, string? PaidFromName, DateOnly? PaidOn, string Status, string? RejectionReason);

public sealed record ExpensePageDto(IReadOnlyList<ExpenseDto> Items, int Total, int Page, int PageSize, decimal Amount, decimal Vat, decimal Outstanding, int Submitted);

/// <param name="ReceivedIn"><c>cash</c> or a bank account's ledger code.</param>
/// <param name="Source">Who paid.</param>
public sealed record IncomeRequest(
    DateOnly? Date,
    [property: DefaultValue("sewa-menara")] string? CategoryCode,
    [property: DefaultValue(typeof(decimal), "2500000")] decimal? Amount,
    string? Description,
    [property: DefaultValue("1-1201")] string? ReceivedIn,
    string? Source,
    string? Reference);

public sealed record RecordedIncomeDto(int Id, string Number, decimal Amount);

public sealed record IncomeDto(int Id, string Number, DateOnly Date, string CategoryCode, string Source, string Description, decimal Amount, string ReceivedIn);

public sealed record IncomePageDto(IReadOnlyList<IncomeDto> Items, int Total, int Page, int PageSize, decimal Amount);
