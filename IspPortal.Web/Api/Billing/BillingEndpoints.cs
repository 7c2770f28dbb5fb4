using System.Globalization;
using IspPortal.Core.Billing.Invoicing;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;

namespace IspPortal.Web.Api.Billing;

public static class BillingEndpoints
{
    public static RouteGroupBuilder MapBillingEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/billing/generate", async (GenerateRequest request, GenerateInvoices generate, CancellationToken cancellationToken) =>
            {
                if (!DateOnly.TryParseExact(request.Period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
                    return Outcome.Refused<InvoiceRunResult>(nameof(request.Period), "Periode ditulis YYYY-MM, misalnya 2025-02.").ToValidationProblem();
                var outcome = await generate.ExecuteAsync(period, BillingRunTrigger.Api, cancellationToken);
                return outcome.Value is { } run
                    ? Results.Ok(new GenerateResponse(run.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture), run.Created, run.Skipped, run.RunId))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.BillingWrite)
            .WithTags("Billing")
            .Produces<GenerateResponse>()
            .ProducesValidationProblem()
            .WithSummary("Create the month's invoices now: one per billable customer, never twice (a repeat or a concurrent run creates nothing again).");
        return api;
    }
}

/// <param name="Period">The month, <c>YYYY-MM</c>.</param>
public sealed record GenerateRequest(string? Period);

/// <param name="Created">Invoices this run created.</param>
/// <param name="Skipped">Billable customers that already had their invoice for the month.</param>
public sealed record GenerateResponse(string Period, int Created, int Skipped, long RunId);
