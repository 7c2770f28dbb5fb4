using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Tickets;

namespace IspPortal.Web.Features.Reports.Components.Charts;

/// <summary>
/// The one place a chart's colours come from, so a status, a payment channel or a ticket priority has
/// the same colour on every screen. Colours follow the MudBlazor default theme's palette.
/// </summary>
public static class ChartPalette
{
    public const string Primary = "#594AE2";
    public const string Success = "#3DCB6C";
    public const string Info = "#2196F3";
    public const string Warning = "#FFB545";
    public const string Error = "#FF3F5F";
    public const string Neutral = "#9E9E9E";
    public const string Dark = "#424242";

    /// <summary>Colours of a chart's series in order, for series that are none of the enums below.</summary>
    public static readonly IReadOnlyList<string> Series = [Primary, Info, Success, Warning, Error, Neutral];

    public static string For(CustomerStatus status) => status switch
    {
        CustomerStatus.PendingProvisioning => Warning,
        CustomerStatus.Active => Success,
        CustomerStatus.Isolated => Error,
        CustomerStatus.Suspended => Neutral,
        CustomerStatus.Terminated => Dark,
        _ => Neutral,
    };

    public static string For(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => Success,
        PaymentMethod.BankTransfer => Info,
        PaymentMethod.Qris => Primary,
        PaymentMethod.VirtualAccount => Dark,
        PaymentMethod.EWallet => Warning,
        _ => Neutral,
    };

    public static string For(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => Neutral,
        TicketPriority.Medium => Info,
        TicketPriority.High => Warning,
        TicketPriority.Urgent => Error,
        _ => Neutral,
    };
}
