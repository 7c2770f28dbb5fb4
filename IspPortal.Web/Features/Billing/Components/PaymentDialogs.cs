using IspPortal.Core.Billing.Payments;
using MudBlazor;

namespace IspPortal.Web.Features.Billing.Components;

public static class PaymentDialogs
{
    /// <summary>Opens "Catat pembayaran"; the recorded payment, or null when closed without one.</summary>
    public static async Task<RecordedPayment?> RecordAsync(this IDialogService dialogs, string title, string? customerCode = null)
    {
        var dialog = await dialogs.ShowAsync<RecordPaymentDialog>(title,
            new DialogParameters<RecordPaymentDialog> { { d => d.CustomerCode, customerCode } },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false });
        return await dialog.Result is { Canceled: false, Data: RecordedPayment recorded } ? recorded : null;
    }
}
