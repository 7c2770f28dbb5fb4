using IspPortal.Core.Billing.Payments;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Billing.Endpoints;

public static class PaymentNotificationEndpoints
{
    public const string MidtransRoute = "/api/payments/midtrans/notification";

    /// <summary>Midtrans notifications are a few kilobytes; a larger body is refused before it is read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Midtrans cannot send our API key: the notification is anonymous and trusts only its
    /// <c>signature_key</c>. 200 for what was applied and for repeats (Midtrans resends until it gets
    /// a 2xx); 404 for an unknown order and 422 for a wrong amount, so they show in Midtrans' dashboard;
    /// 503 when Midtrans' status API could not confirm the order, so Midtrans resends it later.
    /// </summary>
    public static IEndpointRouteBuilder MapPaymentNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MidtransRoute, async (HttpContext context, ReceiveGatewayNotification notifications) =>
            {
                if (await SignedRequestBody.ReadAsync(context, MaxBodyBytes) is not { } body)
                    return SignedRequestBody.TooLarge();
                var result = await notifications.ExecuteAsync(PaymentGatewayNames.Midtrans, body, context.RequestAborted);
                return result.Verdict switch
                {
                    NotificationVerdict.Unauthorized => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Tanda tangan notifikasi tidak valid",
                        detail: "signature_key tidak cocok dengan order_id, status_code, gross_amount dan server key."),
                    NotificationVerdict.UnknownOrder => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order tidak dikenal", detail: result.Detail),
                    NotificationVerdict.Mismatch => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Notifikasi tidak cocok dengan pembayaran", detail: result.Detail),
                    NotificationVerdict.Unverified => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Status pembayaran belum bisa dipastikan", detail: result.Detail),
                    _ => Results.Ok(new { verdict = result.Verdict.ToString(), orderId = result.OrderId, payment = result.PaymentNumber }),
                };
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Payments")
            .WithSummary("Midtrans HTTP notification: QRIS settled, expired or failed, signed with the server key");
        return endpoints;
    }
}
