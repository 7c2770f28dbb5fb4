using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Receivables;

namespace IspPortal.Core.Reports.Saved;

/// <summary>Umur piutang at the end of <c>asOf</c> (today when absent), filtered by <c>locationId</c>, <c>routerId</c>, <c>packageId</c> and <c>status</c>.</summary>
public sealed class AgingSource(ReceivablesAging aging, IspClock clock) : ReportSource(clock)
{
    private const string BadId = "Isi satu bilangan bulat positif.";

    public override string Key => "aging";

    public override string Title => "Piutang";

    public override IReadOnlyList<string> Permissions { get; } = [Identity.Permissions.ReportsRead, Identity.Permissions.BillingRead];

    public override string Page => "/reports/receivables";

    protected override bool IsRange => false;

    protected override string DateKey => "asOf";

    protected override IReadOnlyDictionary<string, Func<string, string?>> Filters { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["locationId"] = v => Id(v) is null ? BadId : null,
        ["routerId"] = v => Id(v) is null ? BadId : null,
        ["packageId"] = v => Id(v) is null ? BadId : null,
        ["status"] = v => Status(v) is null ? "Status pelanggan tidak dikenal." : null,
    };

    protected override async Task<Outcome<ReportTable>> RenderAsync(ReportParameters resolved, CancellationToken cancellationToken)
    {
        var filter = new AgingFilter(Id(resolved["locationId"]), Id(resolved["routerId"]), Id(resolved["packageId"]), Status(resolved["status"]));
        return await aging.ExportAsync(DayOf(resolved, "asOf"), filter, cancellationToken);
    }

    private static CustomerStatus? Status(string? text) =>
        text is { Length: > 0 and <= 32 } && text.All(char.IsAsciiLetter) && Enum.TryParse<CustomerStatus>(text, ignoreCase: true, out var status) ? status : null;
}
