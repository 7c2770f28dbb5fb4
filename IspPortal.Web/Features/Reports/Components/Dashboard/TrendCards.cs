using IspPortal.Core.Reports.Dashboard;
using IspPortal.Web.Features.Reports.Components.Charts;
using MudBlazor;

namespace IspPortal.Web.Features.Reports.Components.Dashboard;

/// <param name="Key">The series the card's numbers are about (<see cref="TrendKeys"/>).</param>
/// <param name="Title">Indonesian title, a key of the shared strings.</param>
/// <param name="Href">The report behind the card.</param>
/// <param name="Also">More series drawn in the same chart (tickets resolved beside opened).</param>
public sealed record TrendCardSpec(string Key, string Title, string Href, TrendFormat Format, bool UpIsGood, ChartType Kind, params string[] Also);

/// <summary>
/// The dashboard's trend cards, in order: one line per card. A card shows when its series came back
/// (the actor holds its source's permission); adding a trend is one <see cref="ITrendSource"/> and one line here.
/// </summary>
public static class TrendCards
{
    public const string Receivables = "/reports/receivables";
    public const string TicketAnalytics = "/tickets/analytics";
    public const string Customers = "/reports/customers";
    public const string Uptime = "/reports/uptime";

    public static readonly IReadOnlyList<TrendCardSpec> All =
    [
        new(TrendKeys.Mrr, "MRR", Customers, TrendFormat.Rupiah, UpIsGood: true, ChartType.Line),
        new(TrendKeys.ActiveCustomers, "Pelanggan aktif", Customers, TrendFormat.Count, UpIsGood: true, ChartType.Line),
        new(TrendKeys.ChurnRate, "Tingkat churn", Customers, TrendFormat.Percent, UpIsGood: false, ChartType.Bar),
        new(TrendKeys.CollectionRate, "Tingkat penagihan", Receivables, TrendFormat.Percent, UpIsGood: true, ChartType.Line),
        new(TrendKeys.ArrearsOver30, "Tunggakan lebih dari 30 hari", Receivables, TrendFormat.Rupiah, UpIsGood: false, ChartType.Bar),
        new(TrendKeys.Uptime, "Uptime jaringan", Uptime, TrendFormat.Percent, UpIsGood: true, ChartType.Line),
        new(TrendKeys.TicketsOpened, "Tiket dibuka", TicketAnalytics, TrendFormat.Count, UpIsGood: false, ChartType.Bar, TrendKeys.TicketsResolved),
        new(TrendKeys.SlaMet, "SLA penyelesaian terpenuhi", TicketAnalytics, TrendFormat.Percent, UpIsGood: true, ChartType.Line),
    ];

    /// <summary>Series names in a chart's legend and table (keys of the shared strings).</summary>
    public static string SeriesName(string key) => key switch
    {
        TrendKeys.TicketsOpened => "Dibuka",
        TrendKeys.TicketsResolved => "Diselesaikan",
        _ => All.FirstOrDefault(c => c.Key == key)?.Title ?? key,
    };
}
