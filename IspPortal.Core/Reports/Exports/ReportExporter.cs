using IspPortal.Core.Billing;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Reports.Exports;

/// <summary>
/// Writes any <see cref="ReportTable"/> in the asked format under the company's header. The report's own use case has already
/// checked who may read it; this only chooses the writer and reads the company profile and logo from the settings.
/// </summary>
public sealed class ReportExporter(IEnumerable<IReportWriter> writers, PortalSettings settings)
{
    public async Task WriteAsync(ReportTable table, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var writer = writers.FirstOrDefault(w => w.Format == format)
            ?? throw new InvalidOperationException($"No report writer for {format} is registered.");
        await writer.WriteAsync(table, await CompanyAsync(cancellationToken), output, cancellationToken);
    }

    public static string FileName(ReportTable table, ExportFormat format) => $"{table.FileName}.{ExportFormats.Extension(format)}";

    private async Task<ReportCompany> CompanyAsync(CancellationToken cancellationToken)
    {
        var profile = await settings.GetAsync<CompanyProfile>(cancellationToken);
        var logo = await settings.GetAsync<CompanyLogo>(cancellationToken);
        var address = string.Join(", ", new[] { profile.Address, profile.City }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return new ReportCompany(profile.Name, address, profile.Phone, profile.Email, profile.Npwp, logo.Bytes());
    }
}
