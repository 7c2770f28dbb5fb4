using IspPortal.Core.Billing.Automation;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Billing.Endpoints;

public static class BillingEndpoints
{
    public static RouteGroupBuilder MapBillingEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/billing/generate", async (GenerateRequest request, GenerateInvoices generate, CancellationToken cancellationToken) =>
            {
                if (!BillingPeriodText.TryParse(request.Period, out var period))
                    return Outcome.Refused<InvoiceRunResult>(nameof(request.Period), BillingPeriodText.Malformed).ToValidationProblem();
                var outcome = await generate.ExecuteAsync(period, BillingRunTrigger.Api, cancellationToken);
                return outcome.Value is { } run
                    ? Results.Ok(new GenerateResponse(BillingPeriodText.Of(run.Period), run.Created, run.Skipped, run.RunId))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.BillingWrite)
            .WithTags("Billing")
            .Produces<GenerateResponse>()
            .ProducesValidationProblem()
            .WithSummary("Create the month's invoices now: one per billable customer, never twice (a repeat or a concurrent run creates nothing again).");

        api.MapGet("/billing/preview", async (string? period, InvoiceRunPreview preview, CancellationToken cancellationToken) =>
            {
                if (!BillingPeriodText.TryParse(period, out var month))
                    return Outcome.Refused<InvoiceRunPlan>("Period", BillingPeriodText.Malformed).ToValidationProblem();
                var outcome = await preview.ForAsync(month, cancellationToken);
                return outcome.Value is { } plan ? Results.Ok(PreviewResponse.From(plan)) : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.BillingRead)
            .WithTags("Billing")
            .Produces<PreviewResponse>()
            .ProducesValidationProblem()
            .WithSummary("What POST /api/billing/generate would create for the month now (counts, total, the first invoices); writes nothing.");

        api.MapPost("/billing/reminder", async (SendInvoiceReminders reminders, CancellationToken cancellationToken) =>
            {
                var run = await reminders.ExecuteAsync(BillingRunTrigger.Api, cancellationToken);
                return TypedResults.Ok(new ReminderResponse(run.Day, run.Invoices, run.Queued, run.AlreadyQueued, run.RunId));
            })
            .RequireAuthorization(Permissions.BillingWrite)
            .WithTags("Billing")
            .WithSummary("Queue today's invoice reminders now (the reminder days from the settings); a reminder already queued is not queued again.");
        return api;
    }
}

/// <param name="Period">The month, <c>YYYY-MM</c>.</param>
public sealed record GenerateRequest(string? Period);

/// <param name="Created">Invoices this run created.</param>
/// <param name="Skipped">Billable customers that already had their invoice for the month.</param>
public sealed record GenerateResponse(string Period, int Created, int Skipped, long RunId);

/// <param name="ToCreate">Invoices a run would create now.</param>
/// <param name="AlreadyInvoiced">Billable customers who already have their invoice for the month.</param>
/// <param name="NotStartedYet">Billable customers whose service starts after the month (no invoice).</param>
/// <param name="First">The first invoices the run would create, by customer.</param>
public sealed record PreviewResponse(string Period, int ToCreate, int AlreadyInvoiced, int NotStartedYet, decimal Total, int Prorated, int WithOneOffCharges, IReadOnlyList<PlannedInvoiceDto> First)
{
    public static PreviewResponse From(InvoiceRunPlan plan) => new(BillingPeriodText.Of(plan.Period), plan.ToCreate, plan.AlreadyInvoiced, plan.NotStartedYet,
        plan.Total, plan.Prorated, plan.WithOneOffCharges, [.. plan.First.Select(p => new PlannedInvoiceDto(p.CustomerCode, p.CustomerName, p.PackageName, p.Amount, p.Prorated, p.WithOneOffCharges))]);
}

public sealed record PlannedInvoiceDto(string CustomerCode, string CustomerName, string Package, decimal Amount, bool Prorated, bool WithOneOffCharges);

/// <param name="Invoices">Owing invoices due a reminder today.</param>
/// <param name="Queued">Messages this call queued.</param>
/// <param name="AlreadyQueued">Messages an earlier run today had queued already.</param>
public sealed record ReminderResponse(DateOnly Day, int Invoices, int Queued, int AlreadyQueued, long RunId);
