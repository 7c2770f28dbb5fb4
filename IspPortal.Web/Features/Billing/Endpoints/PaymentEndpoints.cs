using System.ComponentModel;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Billing.Endpoints;

public static class PaymentEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        // Cash only: a transfer needs its receipt photo checked by Finance against the bank statement,
        // which happens on /billing/payments; an API that could post transfers would skip that check.
        api.MapPost("/payments", async (HttpRequest http, RecordPaymentRequest request, RecordPayment record, CustomerBilling billing, CancellationToken cancellationToken) =>
            {
                var key = http.Headers[IdempotencyHeader].ToString().Trim();
                if (key.Length == 0)
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Header Idempotency-Key wajib",
                        detail: $"Kirim header {IdempotencyHeader} yang unik per pembayaran (misalnya UUID); mengirim ulang dengan kunci yang sama tidak mencatat dua kali.");
                if (request.Method is { } method && !method.Equals(nameof(PaymentMethod.Cash), StringComparison.OrdinalIgnoreCase))
                    return Outcome.Refused<RecordedPayment>("method", "API hanya mencatat pembayaran tunai; transfer bank dicatat di portal dengan bukti dan dikonfirmasi Finance.").ToValidationProblem();
                var outcome = await record.ExecuteAsync(new PaymentInput(request.CustomerCode ?? "", PaymentMethod.Cash, request.Amount ?? 0, key, request.ReceivedOn, request.Reference, null, request.Notes), cancellationToken);
                if (outcome.Value is not { } recorded)
                    return outcome.ToValidationProblem();
                var after = await billing.ForAsync(request.CustomerCode!, cancellationToken);
                var body = RecordedPaymentResponse.From(recorded, after);
                return recorded.AlreadyRecorded ? Results.Ok(body) : Results.Created($"/api/payments?search={Uri.EscapeDataString(recorded.Number)}", body);
            })
            .RequireAuthorization(Permissions.BillingRecord)
            .WithTags("Payments")
            .Produces<RecordedPaymentResponse>(StatusCodes.Status201Created)
            .Produces<RecordedPaymentResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Record cash received: posted to the oldest open invoices at once, the rest kept as credit, receipt queued. "
                + "Requires the Idempotency-Key header: the same key again answers 200 with the payment it recorded, never a second one.");

        api.MapGet("/payments", async (PaymentList list, PaymentStatus? status, PaymentMethod? method, DateOnly? from, DateOnly? to, string? search,
                int? page, int? pageSize, string? sort, bool? descending, CancellationToken cancellationToken) =>
            {
                var request = new PageRequest(page ?? 0, Math.Clamp(pageSize ?? 25, 1, PageRequest.MaxPageSize), search, sort, descending ?? false);
                var result = await list.PageAsync(request, new PaymentFilter(status, method, from, to), cancellationToken);
                return TypedResults.Ok(new PaymentPageResponse(result.Items.Select(PaymentDto.From).ToList(), result.Total, request.Page, request.Take,
                    result.ConfirmedTotal, result.ConfirmedCount, result.PendingTransfers));
            })
            .RequireAuthorization(Permissions.BillingRead)
            .WithTags("Payments")
            .WithSummary("Payments, pending first then newest (or sort by Number, ReceivedAt, Amount, Status, Method, CustomerCode); "
                + "from/to are days (YYYY-MM-DD) in the ISP's time zone; totals cover every page");

        api.MapGet("/customers/{code}/billing", async (string code, CustomerBilling billing, CancellationToken cancellationToken) =>
                await billing.ForAsync(code, cancellationToken) is { } view
                    ? Results.Ok(CustomerBillingResponse.From(view))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Pelanggan tidak ditemukan", detail: $"Tidak ada pelanggan '{code}'."))
            .RequireAuthorization(Permissions.BillingRead)
            .WithTags("Customers")
            .Produces<CustomerBillingResponse>()
            .WithSummary("A customer's billing: invoices, payments with what they paid, credit, outstanding, waiting one-off charges, isolation exemption, billing timeline");
        return api;
    }
}

/// <param name="Method">Only <c>Cash</c> (the default).</param>
/// <param name="ReceivedOn">The day the cash was taken, when not today (at most 90 days back).</param>
public sealed record RecordPaymentRequest(
    [property: Description("Customer code, e.g. KCB-CKP010225-001"), DefaultValue("KCB-CKP010225-001")] string? CustomerCode,
    [property: Description("Whole rupiah"), DefaultValue(typeof(decimal), "150000")] decimal? Amount,
    [property: DefaultValue("Cash")] string? Method,
    DateOnly? ReceivedOn,
    string? Reference,
    string? Notes);

/// <param name="AlreadyRecorded">True when the Idempotency-Key had recorded this payment before (nothing new was written).</param>
/// <param name="Outstanding">What the customer still owes after this payment.</param>
public sealed record RecordedPaymentResponse(
    long Id, string Number, string Status, decimal Amount, bool AlreadyRecorded, IReadOnlyList<AllocationView> Allocations,
    decimal Outstanding, decimal CreditBalance)
{
    public static RecordedPaymentResponse From(RecordedPayment recorded, CustomerBillingView? after) =>
        new(recorded.Id, recorded.Number, recorded.Status.ToString(), recorded.Amount, recorded.AlreadyRecorded,
            after?.Payments.FirstOrDefault(p => p.Id == recorded.Id)?.Allocations ?? [], after?.Outstanding ?? 0, after?.CreditBalance ?? 0);
}

public sealed record PaymentPageResponse(IReadOnlyList<PaymentDto> Items, int Total, int Page, int PageSize, decimal ConfirmedTotal, int ConfirmedCount, int PendingTransfers);

public sealed record PaymentDto(
    long Id, string Number, string CustomerCode, string CustomerName, string Method, decimal Amount, string Status,
    DateTimeOffset ReceivedAt, string? Reference, decimal Allocated, string? RejectionReason)
{
    public static PaymentDto From(PaymentRow r) =>
        new(r.Id, r.Number, r.CustomerCode, r.CustomerName, r.Method.ToString(), r.Amount, r.Status.ToString(), r.ReceivedAt, r.Reference, r.Allocated, r.RejectionReason);
}

public sealed record CustomerBillingResponse(
    string Code, string FullName, string Status, decimal Outstanding, decimal Overdue, decimal CreditBalance,
    IReadOnlyList<CustomerBillingResponse.InvoiceItem> Invoices, IReadOnlyList<CustomerBillingResponse.PaymentItem> Payments,
    IReadOnlyList<CustomerBillingResponse.ChargeItem> WaitingCharges, ExemptionView? IsolationExemption, IReadOnlyList<CustomerBillingResponse.EventItem> Timeline)
{
    public sealed record InvoiceItem(string Number, DateOnly Period, DateOnly DueDate, decimal Total, decimal Paid, decimal Credited, decimal Due, string Status);

    public sealed record PaymentItem(string Number, string Method, decimal Amount, string Status, DateTimeOffset ReceivedAt, string? Reference, string? RejectionReason, IReadOnlyList<AllocationView> Allocations);

    public sealed record ChargeItem(long Id, string Kind, string Description, decimal Amount);

    public sealed record EventItem(DateTimeOffset At, string Kind, string? Document, decimal? Amount, string? Detail);

    public static CustomerBillingResponse From(CustomerBillingView v) =>
        new(v.Code, v.FullName, v.Status.ToString(), v.Outstanding, v.Overdue, v.CreditBalance,
            [.. v.Invoices.Select(i => new InvoiceItem(i.Number, i.Period, i.DueDate, i.Total, i.Paid, i.Credited, i.Due, i.Status.ToString()))],
            [.. v.Payments.Select(p => new PaymentItem(p.Number, p.Method.ToString(), p.Amount, p.Status.ToString(), p.ReceivedAt, p.Reference, p.RejectionReason, p.Allocations))],
            [.. v.WaitingCharges.Select(c => new ChargeItem(c.Id, c.Kind.ToString(), c.Description, c.Amount))],
            v.Exemption,
            [.. v.Timeline.Select(e => new EventItem(e.At, e.Kind.ToString(), e.Document, e.Amount, e.Detail))]);
}
