using IspPortal.Core.Finance.Expenses;

namespace IspPortal.Web.Features.Finance.Endpoints;

public static class ExpenseReceiptEndpoints
{
    /// <summary>
    /// <c>GET /finance/expenses/{id}/receipt</c>: the receipt as a download for a signed-in user who may
    /// see the expense (<see cref="ExpenseReceipts"/>: Finance all, a submitter their own); 404 otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapExpenseReceipts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/finance/expenses/{id:int}/receipt", async (int id, ExpenseReceipts receipts, HttpContext context) =>
            {
                if (await receipts.OpenAsync(id, context.RequestAborted) is not { } file)
                    return Results.NotFound();
                context.Response.Headers.CacheControl = "private, no-store";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static string UrlFor(int expenseId) => $"finance/expenses/{expenseId}/receipt";
}
