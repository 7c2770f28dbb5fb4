using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Saved;

namespace IspPortal.Web.Features.Reports.Endpoints;

/// <summary><c>GET /api/reports/saved</c>: the caller's saved reports (an Admin's: everyone's) with their links and schedules.</summary>
public static class SavedReportEndpoints
{
    public static RouteGroupBuilder MapSavedReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Permissions.ReportsRead)
            .MapGet("/saved", async (SavedReports saved, CancellationToken cancellationToken) => ReportEndpoints.Answer(await saved.ListAsync(cancellationToken)))
            .Produces<IReadOnlyList<SavedReportView>>()
            .WithSummary("The caller's saved reports (an Admin's: every user's), by name: the report, its filters and period (Fixed, ThisMonth, LastMonth, "
                + "LastQuarter, YearToDate, LastYear), the page link with the period resolved on today, and the e-mail schedules");
        return api;
    }
}
