using System.ComponentModel;
using IspPortal.Core.Common;
using IspPortal.Core.Finance.Capital;
using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Finance.Endpoints;

/// <summary><c>/api/finance/capital</c>: capital injections by an API key with finance.write, posted at once.</summary>
public static class CapitalEndpoints
{
    public static RouteGroupBuilder MapCapitalEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/finance/capital", async (HttpRequest http, CapitalRequest request, InjectCapital inject, CancellationToken cancellationToken) =>
            {
                if (request.Date is null)
                    return Outcome.Refused<InjectedCapital>("date", "Tanggal wajib diisi (YYYY-MM-DD).").ToValidationProblem();
                var key = http.Headers[ExpenseEndpoints.IdempotencyHeader].ToString().Trim() is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
                var outcome = await inject.ExecuteAsync(new CapitalInput(request.Date.Value, request.Amount ?? 0, request.PaidInto ?? "",
                    request.Investor ?? "", request.Description ?? "", key), cancellationToken);
                return outcome.Value is { } injected
                    ? Results.Created($"/api/finance/capital/{injected.Id}", new InjectedCapitalDto(injected.Id, injected.Number, injected.Date, injected.Amount))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.FinanceWrite)
            .WithTags("Finance")
            .Produces<InjectedCapitalDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Record a capital injection (Dr Kas/Bank, Cr Modal disetor), posted at once; the Idempotency-Key header makes a retry answer the same 201 and body");
        return api;
    }
}

/// <param name="PaidInto"><c>cash</c> or a bank account's ledger code.</param>
/// <param name="Investor">The owner or investor who put the money in.</param>
public sealed record CapitalRequest(
    DateOnly? Date,
    [property: DefaultValue(typeof(decimal), "50000000")] decimal? Amount,
    [property: DefaultValue("1-1201")] string? PaidInto,
    [property: DefaultValue("Budi Santoso")] string? Investor,
    [property: DefaultValue("Setoran modal perluasan jaringan")] string? Description);

public sealed record InjectedCapitalDto(int Id, string Number, DateOnly Date, decimal Amount);
